package dev.autowebhook.outbox.boundary;

import java.time.Duration;

/**
 * Fired by the {@link Outbox} when a transaction queued deliveries; observed after a successful
 * commit to start dispatching at once instead of waiting for the safety-net timer.
 *
 * @param count deliveries due now
 * @param waitingFor when some deliveries wait to be batched: the soonest batch timeout, else null
 */
public record DeliveriesQueued(int count, Duration waitingFor) {

  public DeliveriesQueued(int count) {
    this(count, null);
  }
}
