package dev.autowebhook.outbox.boundary;

/**
 * Fired by the {@link Outbox} when a transaction appended events; observed after a successful
 * commit so the pull feed numbers them at once.
 */
public record EventsAppended(int count) {}
