package dev.autowebhook.api.subscription;

import dev.autowebhook.subscription.entity.Subscriber;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A subscriber as the API shows it: never a secret, only whether one is set. Custom header values
 * are masked. {@code signing_secret} is filled exactly once, in the answer to the create.
 */
public record SubscriberOut(
    Long id, String name, String kind, String endpointUrl, String jmsDestination,
    String authType, boolean hasAuthToken, boolean hasApiKey, String apiKeyHeader,
    String basicUsername, boolean hasBasicPassword, Map<String, String> customHeaders,
    int timeoutSeconds, boolean verifyTls, boolean enabled, int rateLimit,
    int rateLimitWindowSeconds, int maxRetries, int maxConcurrency, String disabledReason,
    OffsetDateTime disabledAt, OffsetDateTime failingSince, OffsetDateTime createdAt, OffsetDateTime updatedAt,
    String signingSecret) {

  public static SubscriberOut of(Subscriber s) {
    return of(s, false);
  }

  public static SubscriberOut of(Subscriber s, boolean withSecret) {
    Map<String, String> headers = new LinkedHashMap<>();
    SubscriberIn.customHeadersOf(s).keySet().forEach(k -> headers.put(k, SubscriberIn.MASK));
    return new SubscriberOut(s.getId(), s.getName(), s.getKind().name().toLowerCase(Locale.ROOT),
        s.getEndpointUrl(), s.getJmsDestination(),
        s.getAuthType().name().toLowerCase(Locale.ROOT), notBlank(s.getAuthToken()),
        notBlank(s.getApiKey()), s.getApiKeyHeader(), s.getBasicUsername(),
        notBlank(s.getBasicPassword()), headers, s.getTimeoutSeconds(), s.isVerifyTls(),
        s.isEnabled(), s.getRateLimit(), s.getRateLimitWindowSeconds(), s.getMaxRetries(),
        s.getMaxConcurrency(), s.getDisabledReason(), s.getDisabledAt(), s.getFailingSince(), s.getCreatedAt(),
        s.getUpdatedAt(), withSecret ? s.getSigningSecret() : null);
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
