package dev.autowebhook.delivery.control;

import dev.autowebhook.subscription.entity.SubscriberKind;
import java.util.List;
import java.util.Map;

/**
 * Where and how one subscriber is reached, captured when its deliveries are claimed: channel and
 * address, credentials (as request headers) and signing secrets, and the limits its lane enforces.
 */
public record Target(
    long subscriberId,
    String name,
    SubscriberKind kind,
    String url,
    String jmsDestination,
    int timeoutSeconds,
    boolean verifyTls,
    Map<String, String> headers,
    List<String> secrets,
    int maxRetries,
    int maxConcurrency,
    int rateLimit,
    int rateLimitWindowSeconds) {

  /** Where the attempt goes, for the audit trail: the URL or {@code jms:<destination>}. */
  public String address() {
    return kind == SubscriberKind.JMS ? "jms:" + jmsDestination : url;
  }

  @Override
  public String toString() {
    // never print headers or secrets
    return "Target[subscriber=" + subscriberId + ", " + address() + "]";
  }
}
