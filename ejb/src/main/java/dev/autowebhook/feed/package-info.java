/**
 * The pull feed and Smart Sync: clients read events in a stable order with a cursor per device.
 *
 * <p><b>Why the cursor never skips an event.</b> Event ids come from a sequence when the row is
 * written, not when its transaction commits, so a transaction that started first can commit
 * last: a reader that had already passed a higher id would never see it (the original module's
 * bug). Here an event gets its feed position only after it committed: the
 * {@code FeedSequencer} takes the committed events that have none yet, in id order, and numbers
 * them from {@code aw_feed_seq} while it holds the lock row {@code aw_feed_lock}, so one node at
 * a time hands out positions and every position it hands out is higher than every position
 * already visible. A late commit simply gets a later position. Readers only see numbered events
 * ({@code feed_seq > cursor ORDER BY feed_seq}), so a page never has a hole that fills in later.
 * The sequencer runs right after each commit that appended events (and every few seconds as a
 * safety net), so positions follow commits within milliseconds.
 *
 * <p>Acknowledgement is per device ({@code SyncState}): no global "processed" flag; a device's
 * cursor only moves forward unless it is explicitly reset, and its app type selects the models
 * it receives. Retention archives and deletes old events, but keeps those an active device still
 * needs, up to a hard limit.
 */
package dev.autowebhook.feed;
