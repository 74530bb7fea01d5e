package dev.autowebhook.api.subscription;

import dev.autowebhook.platform.Jsonp;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.platform.InvalidInputException.Violation;
import dev.autowebhook.subscription.entity.AuthType;
import dev.autowebhook.subscription.entity.Subscriber;
import dev.autowebhook.subscription.entity.SubscriberKind;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A subscriber as clients write it. Absent (null) fields keep their stored value on update, so a
 * PUT that omits a secret keeps the secret; custom header values shown masked ({@code ****}) by a
 * GET keep their stored value too.
 */
public record SubscriberIn(
    String name, String kind, String endpointUrl, String jmsDestination, String authType,
    String authToken, String apiKey, String apiKeyHeader, String basicUsername,
    String basicPassword, Map<String, String> customHeaders, Integer timeoutSeconds,
    Boolean verifyTls, Boolean enabled, Integer rateLimit, Integer rateLimitWindowSeconds,
    Integer maxRetries, Integer maxConcurrency) {

  static final String MASK = "****";

  public Subscriber applyTo(Subscriber s) {
    List<Violation> v = new ArrayList<>();
    if (name != null) {
      s.setName(name.trim());
    }
    if (kind != null) {
      try {
        s.setKind(SubscriberKind.valueOf(kind.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        v.add(new Violation("kind", "must be one of http, jms"));
      }
    }
    if (endpointUrl != null) {
      s.setEndpointUrl(endpointUrl.trim());
    }
    if (jmsDestination != null) {
      s.setJmsDestination(jmsDestination.trim());
    }
    if (authType != null) {
      try {
        s.setAuthType(AuthType.valueOf(authType.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        v.add(new Violation("auth_type", "must be one of none, bearer, api_key, basic"));
      }
    }
    if (authToken != null) {
      s.setAuthToken(authToken);
    }
    if (apiKey != null) {
      s.setApiKey(apiKey);
    }
    if (apiKeyHeader != null) {
      s.setApiKeyHeader(apiKeyHeader.trim());
    }
    if (basicUsername != null) {
      s.setBasicUsername(basicUsername);
    }
    if (basicPassword != null) {
      s.setBasicPassword(basicPassword);
    }
    if (customHeaders != null) {
      Map<String, String> stored = customHeadersOf(s);
      JsonObjectBuilder b = Jsonp.PROVIDER.createObjectBuilder();
      customHeaders.forEach((k, val) -> {
        String value = MASK.equals(val) && stored.containsKey(k) ? stored.get(k) : val;
        if (value == null) {
          v.add(new Violation("custom_headers." + k, "must be a string"));
        } else {
          b.add(k, value);
        }
      });
      s.setCustomHeaders(customHeaders.isEmpty() ? null : b.build().toString());
    }
    if (timeoutSeconds != null) {
      s.setTimeoutSeconds(timeoutSeconds);
    }
    if (verifyTls != null) {
      s.setVerifyTls(verifyTls);
    }
    if (enabled != null) {
      s.setEnabled(enabled);
    }
    if (rateLimit != null) {
      s.setRateLimit(rateLimit);
    }
    if (rateLimitWindowSeconds != null) {
      s.setRateLimitWindowSeconds(rateLimitWindowSeconds);
    }
    if (maxRetries != null) {
      s.setMaxRetries(maxRetries);
    }
    if (maxConcurrency != null) {
      s.setMaxConcurrency(maxConcurrency);
    }
    if (!v.isEmpty()) {
      throw InvalidInputException.of(v);
    }
    return s;
  }

  static Map<String, String> customHeadersOf(Subscriber s) {
    try {
      return dev.autowebhook.subscription.boundary.Subscribers.customHeaders(s.getCustomHeaders());
    } catch (InvalidInputException e) {
      return new LinkedHashMap<>();
    }
  }
}
