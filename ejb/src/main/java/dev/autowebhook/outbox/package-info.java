/**
 * The transactional outbox: each captured change becomes one immutable event row (the envelope)
 * and one delivery row per interested subscriber, written in the business transaction itself.
 */
package dev.autowebhook.outbox;
