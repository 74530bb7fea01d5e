package dev.autowebhook.delivery.control;

import dev.autowebhook.delivery.entity.AttemptTrigger;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to make one attempt, captured when the delivery was claimed so that sending
 * needs no database: the body bytes, the target, its credentials and the retry budget.
 */
public record Outgoing(
    long deliveryId,
    String eventUid,
    String model,
    String event,
    String priority,
    long subscriberId,
    String subscriberName,
    int attemptNo,
    AttemptTrigger trigger,
    int maxRetries,
    int maxConcurrency,
    String url,
    int timeoutSeconds,
    boolean verifyTls,
    Map<String, String> headers,
    List<String> secrets,
    byte[] body) {

  @Override
  public String toString() {
    // never print headers or secrets
    return "Outgoing[delivery=" + deliveryId + ", event=" + eventUid + ", subscriber="
        + subscriberId + ", attempt=" + attemptNo + "]";
  }
}
