package dev.autowebhook.admin.subscription;

import dev.autowebhook.api.subscription.SubscriberIn;
import dev.autowebhook.subscription.entity.Subscriber;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the subscriber form edits. Secrets are write-only: they start empty, and an empty secret
 * is sent as "keep the stored one"; custom header values start as {@code ****}, which keeps the
 * stored value too. So no stored secret ever reaches the page.
 */
public class SubscriberForm implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String MASK = "****";

  /** One custom header row. */
  public static class Header implements Serializable {
    private static final long serialVersionUID = 1L;
    private String name;
    private String value;

    public Header() {}

    Header(String name, String value) {
      this.name = name;
      this.value = value;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getValue() {
      return value;
    }

    public void setValue(String value) {
      this.value = value;
    }
  }

  private String name;
  private String kind = "http";
  private String endpointUrl;
  private String jmsDestination;
  private String authType = "none";
  private String authToken;
  private String apiKey;
  private String apiKeyHeader;
  private String basicUsername;
  private String basicPassword;
  private final List<Header> headers = new ArrayList<>();
  private Integer timeoutSeconds = 10;
  private boolean verifyTls = true;
  private boolean enabled = true;
  private Integer rateLimit = 0;
  private Integer rateLimitWindowSeconds = 1;
  private Integer maxRetries = 5;
  private Integer maxConcurrency = 8;
  private boolean hasAuthToken;
  private boolean hasApiKey;
  private boolean hasBasicPassword;

  /** The form of a stored subscriber, secrets left out. */
  static SubscriberForm of(Subscriber s, Map<String, String> storedHeaders) {
    SubscriberForm f = new SubscriberForm();
    f.name = s.getName();
    f.kind = s.getKind().name().toLowerCase(Locale.ROOT);
    f.endpointUrl = s.getEndpointUrl();
    f.jmsDestination = s.getJmsDestination();
    f.authType = s.getAuthType().name().toLowerCase(Locale.ROOT);
    f.apiKeyHeader = s.getApiKeyHeader();
    f.basicUsername = s.getBasicUsername();
    storedHeaders.keySet().forEach(k -> f.headers.add(new Header(k, MASK)));
    f.timeoutSeconds = s.getTimeoutSeconds();
    f.verifyTls = s.isVerifyTls();
    f.enabled = s.isEnabled();
    f.rateLimit = s.getRateLimit();
    f.rateLimitWindowSeconds = s.getRateLimitWindowSeconds();
    f.maxRetries = s.getMaxRetries();
    f.maxConcurrency = s.getMaxConcurrency();
    f.hasAuthToken = notBlank(s.getAuthToken());
    f.hasApiKey = notBlank(s.getApiKey());
    f.hasBasicPassword = notBlank(s.getBasicPassword());
    return f;
  }

  /** The API input this form stands for; empty secrets keep the stored ones. */
  SubscriberIn toIn() {
    Map<String, String> custom = new LinkedHashMap<>();
    for (Header h : headers) {
      if (notBlank(h.name)) {
        custom.put(h.name.trim(), h.value == null ? "" : h.value);
      }
    }
    boolean http = "http".equals(kind);
    return new SubscriberIn(name == null ? "" : name, kind, http ? orEmpty(endpointUrl) : null,
        http ? null : orEmpty(jmsDestination), authType, keep(authToken), keep(apiKey),
        apiKeyHeader, basicUsername, keep(basicPassword), custom, timeoutSeconds, verifyTls,
        enabled, rateLimit, rateLimitWindowSeconds, maxRetries, maxConcurrency);
  }

  private static String keep(String secret) {
    return notBlank(secret) ? secret : null;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  public void addHeader() {
    headers.add(new Header());
  }

  public void removeHeader(Header h) {
    headers.remove(h);
  }

  public List<Header> getHeaders() {
    return headers;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getEndpointUrl() {
    return endpointUrl;
  }

  public void setEndpointUrl(String endpointUrl) {
    this.endpointUrl = endpointUrl;
  }

  public String getJmsDestination() {
    return jmsDestination;
  }

  public void setJmsDestination(String jmsDestination) {
    this.jmsDestination = jmsDestination;
  }

  public String getAuthType() {
    return authType;
  }

  public void setAuthType(String authType) {
    this.authType = authType;
  }

  public String getAuthToken() {
    return authToken;
  }

  public void setAuthToken(String authToken) {
    this.authToken = authToken;
  }

  public String getApiKey() {
    return apiKey;
  }

  public void setApiKey(String apiKey) {
    this.apiKey = apiKey;
  }

  public String getApiKeyHeader() {
    return apiKeyHeader;
  }

  public void setApiKeyHeader(String apiKeyHeader) {
    this.apiKeyHeader = apiKeyHeader;
  }

  public String getBasicUsername() {
    return basicUsername;
  }

  public void setBasicUsername(String basicUsername) {
    this.basicUsername = basicUsername;
  }

  public String getBasicPassword() {
    return basicPassword;
  }

  public void setBasicPassword(String basicPassword) {
    this.basicPassword = basicPassword;
  }

  public Integer getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(Integer timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  public boolean isVerifyTls() {
    return verifyTls;
  }

  public void setVerifyTls(boolean verifyTls) {
    this.verifyTls = verifyTls;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Integer getRateLimit() {
    return rateLimit;
  }

  public void setRateLimit(Integer rateLimit) {
    this.rateLimit = rateLimit;
  }

  public Integer getRateLimitWindowSeconds() {
    return rateLimitWindowSeconds;
  }

  public void setRateLimitWindowSeconds(Integer rateLimitWindowSeconds) {
    this.rateLimitWindowSeconds = rateLimitWindowSeconds;
  }

  public Integer getMaxRetries() {
    return maxRetries;
  }

  public void setMaxRetries(Integer maxRetries) {
    this.maxRetries = maxRetries;
  }

  public Integer getMaxConcurrency() {
    return maxConcurrency;
  }

  public void setMaxConcurrency(Integer maxConcurrency) {
    this.maxConcurrency = maxConcurrency;
  }

  public boolean isHasAuthToken() {
    return hasAuthToken;
  }

  public boolean isHasApiKey() {
    return hasApiKey;
  }

  public boolean isHasBasicPassword() {
    return hasBasicPassword;
  }
}
