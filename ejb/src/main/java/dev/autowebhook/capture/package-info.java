/**
 * Capture: JPA listeners turn creates, updates and deletes of {@code @Tracked} entities into
 * {@code EntityChanged} facts, buffered and coalesced per transaction, and appended to the outbox
 * in that same transaction by the {@code @ChangeCaptured} interceptor (no database triggers).
 */
package dev.autowebhook.capture;
