/**
 * Delivery: the dispatcher claims due deliveries with leases ({@code FOR UPDATE SKIP LOCKED}),
 * sends them outside any transaction (signed, per-subscriber lanes), and records every attempt;
 * failures are retried on a persisted exponential schedule and end in the dead-letter queue.
 */
package dev.autowebhook.delivery;
