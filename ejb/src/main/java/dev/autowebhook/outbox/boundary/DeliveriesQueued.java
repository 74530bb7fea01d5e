package dev.autowebhook.outbox.boundary;

/**
 * Fired by the {@link Outbox} when a transaction queued deliveries; observed after a successful
 * commit to start dispatching at once instead of waiting for the safety-net timer.
 */
public record DeliveriesQueued(int count) {}
