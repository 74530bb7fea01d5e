package dev.autowebhook.metrics.boundary;

import java.time.Instant;

/** Fired (synchronously) right before the registry is read: gauges refresh their values now. */
public record Scraping(Instant at) {}
