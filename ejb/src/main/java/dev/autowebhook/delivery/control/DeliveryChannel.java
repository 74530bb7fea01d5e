package dev.autowebhook.delivery.control;

import java.util.concurrent.CompletableFuture;

/**
 * A way to hand a request to a subscriber (HTTP webhook, JMS destination). Sending never
 * completes exceptionally: every failure becomes a failed {@link AttemptResult}.
 */
public interface DeliveryChannel {

  CompletableFuture<AttemptResult> send(Outgoing out);
}
