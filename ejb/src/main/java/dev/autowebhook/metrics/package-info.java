/**
 * Metrics: the application's one Micrometer registry, scraped in the Prometheus text format at
 * {@code /metrics}. Features add their own meters to it and refresh their gauges when a
 * {@link dev.autowebhook.metrics.boundary.Scraping} event says a scrape is about to be read.
 */
package dev.autowebhook.metrics;
