package dev.autowebhook.subscription.entity;

import dev.autowebhook.platform.Time;
import dev.autowebhook.platform.EncryptedConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * An endpoint that receives events: where (URL or JMS destination), how it authenticates, how
 * fast and how often we may call it, and the signing secret(s). Secret columns are encrypted at
 * rest and never leave the application after they were saved.
 */
@Entity
@Table(name = "aw_subscriber")
@NamedQuery(name = "Subscriber.all", query = "SELECT s FROM Subscriber s ORDER BY s.id")
@NamedQuery(name = "Subscriber.byName", query = "SELECT s FROM Subscriber s WHERE s.name = :name")
public class Subscriber {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "aw_seq")
  @SequenceGenerator(name = "aw_seq", sequenceName = "aw_seq", allocationSize = 1000)
  private Long id;

  @Version private long version;

  @NotBlank(message = "must not be blank")
  @Size(max = 100, message = "must be at most 100 characters")
  private String name;

  @NotNull
  @Enumerated(EnumType.STRING)
  private SubscriberKind kind = SubscriberKind.HTTP;

  @Size(max = 2048, message = "must be at most 2048 characters")
  @Column(name = "endpoint_url")
  private String endpointUrl;

  @Size(max = 255, message = "must be at most 255 characters")
  @Column(name = "jms_destination")
  private String jmsDestination;

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(name = "auth_type")
  private AuthType authType = AuthType.NONE;

  @Convert(converter = EncryptedConverter.class)
  @Column(name = "auth_token")
  private String authToken;

  @Convert(converter = EncryptedConverter.class)
  @Column(name = "api_key")
  private String apiKey;

  @NotBlank(message = "must not be blank")
  @Pattern(regexp = "[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}", message = "must be a valid HTTP header name")
  @Column(name = "api_key_header")
  private String apiKeyHeader = "X-API-Key";

  @Size(max = 255, message = "must be at most 255 characters")
  @Column(name = "basic_username")
  private String basicUsername;

  @Convert(converter = EncryptedConverter.class)
  @Column(name = "basic_password")
  private String basicPassword;

  /** JSON object of extra request headers, encrypted because values may be credentials. */
  @Convert(converter = EncryptedConverter.class)
  @Column(name = "custom_headers")
  private String customHeaders;

  @Min(value = 1, message = "must be at least 1")
  @Max(value = 300, message = "must be at most 300")
  @Column(name = "timeout_seconds")
  private int timeoutSeconds = 10;

  @Column(name = "verify_tls")
  private boolean verifyTls = true;

  private boolean enabled = true;

  @Min(value = 0, message = "must be 0 (unlimited) or more")
  @Column(name = "rate_limit")
  private int rateLimit;

  @Min(value = 1, message = "must be at least 1")
  @Max(value = 86400, message = "must be at most 86400")
  @Column(name = "rate_limit_window_seconds")
  private int rateLimitWindowSeconds = 1;

  @Min(value = 0, message = "must be 0 or more")
  @Max(value = 20, message = "must be at most 20")
  @Column(name = "max_retries")
  private int maxRetries = 5;

  @Min(value = 1, message = "must be at least 1")
  @Max(value = 64, message = "must be at most 64")
  @Column(name = "max_concurrency")
  private int maxConcurrency = 8;

  @NotNull
  @Convert(converter = EncryptedConverter.class)
  @Column(name = "signing_secret")
  private String signingSecret;

  @Convert(converter = EncryptedConverter.class)
  @Column(name = "previous_secret")
  private String previousSecret;

  @Column(name = "previous_secret_until")
  private OffsetDateTime previousSecretUntil;

  @Column(name = "disabled_reason")
  private String disabledReason;

  @Column(name = "disabled_at")
  private OffsetDateTime disabledAt;

  /** Since when every attempt has failed; null while healthy (kept by the dispatcher). */
  @Column(name = "failing_since")
  private OffsetDateTime failingSince;

  /** Latest successful attempt (kept by the recorder, to the second; never written by JPA). */
  @Column(name = "last_success_at", insertable = false, updatable = false)
  private OffsetDateTime lastSuccessAt;

  /** Latest failed attempt and its error (kept by the recorder; never written by JPA). */
  @Column(name = "last_failure_at", insertable = false, updatable = false)
  private OffsetDateTime lastFailureAt;

  @Column(name = "last_failure", insertable = false, updatable = false)
  private String lastFailure;

  @Column(name = "created_at", updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at")
  private OffsetDateTime updatedAt;

  @PrePersist
  void beforeInsert() {
    createdAt = Time.now();
    updatedAt = createdAt;
  }

  @PreUpdate
  void beforeUpdate() {
    updatedAt = Time.now();
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public SubscriberKind getKind() {
    return kind;
  }

  public void setKind(SubscriberKind kind) {
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

  public AuthType getAuthType() {
    return authType;
  }

  public void setAuthType(AuthType authType) {
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

  public String getCustomHeaders() {
    return customHeaders;
  }

  public void setCustomHeaders(String customHeaders) {
    this.customHeaders = customHeaders;
  }

  public int getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(int timeoutSeconds) {
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

  public int getRateLimit() {
    return rateLimit;
  }

  public void setRateLimit(int rateLimit) {
    this.rateLimit = rateLimit;
  }

  public int getRateLimitWindowSeconds() {
    return rateLimitWindowSeconds;
  }

  public void setRateLimitWindowSeconds(int rateLimitWindowSeconds) {
    this.rateLimitWindowSeconds = rateLimitWindowSeconds;
  }

  public int getMaxRetries() {
    return maxRetries;
  }

  public void setMaxRetries(int maxRetries) {
    this.maxRetries = maxRetries;
  }

  public int getMaxConcurrency() {
    return maxConcurrency;
  }

  public void setMaxConcurrency(int maxConcurrency) {
    this.maxConcurrency = maxConcurrency;
  }

  public String getSigningSecret() {
    return signingSecret;
  }

  public void setSigningSecret(String signingSecret) {
    this.signingSecret = signingSecret;
  }

  public String getPreviousSecret() {
    return previousSecret;
  }

  public void setPreviousSecret(String previousSecret) {
    this.previousSecret = previousSecret;
  }

  public OffsetDateTime getPreviousSecretUntil() {
    return previousSecretUntil;
  }

  public void setPreviousSecretUntil(OffsetDateTime previousSecretUntil) {
    this.previousSecretUntil = previousSecretUntil;
  }

  public String getDisabledReason() {
    return disabledReason;
  }

  public void setDisabledReason(String disabledReason) {
    this.disabledReason = disabledReason;
  }

  public OffsetDateTime getDisabledAt() {
    return disabledAt;
  }

  public void setDisabledAt(OffsetDateTime disabledAt) {
    this.disabledAt = disabledAt;
  }

  public OffsetDateTime getFailingSince() {
    return failingSince;
  }

  public void setFailingSince(OffsetDateTime failingSince) {
    this.failingSince = failingSince;
  }

  public OffsetDateTime getLastSuccessAt() {
    return lastSuccessAt;
  }

  public OffsetDateTime getLastFailureAt() {
    return lastFailureAt;
  }

  public String getLastFailure() {
    return lastFailure;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }
}
