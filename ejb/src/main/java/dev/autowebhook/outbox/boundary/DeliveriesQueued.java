package dev.autowebhook.outbox.boundary;

import java.time.Duration;

/**
 * Fired when a transaction queued deliveries (the {@link Outbox}, a manual retry, a subscriber
 * enabled again); observed after a successful commit to start dispatching at once instead of
 * waiting for the safety-net timer.
 *
 * @param waitingFor when every queued delivery waits to be batched: the soonest batch timeout;
 *     null when some are due now
 */
public record DeliveriesQueued(Duration waitingFor) {

  /** Deliveries due now. */
  public static DeliveriesQueued now() {
    return new DeliveriesQueued(null);
  }
}
