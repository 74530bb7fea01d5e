package dev.autowebhook.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A bearer credential for a sync client, bound to one user. Only the hex SHA-256 of the token is
 * stored: tokens are 256 random bits, so a fast unsalted hash cannot be brute-forced and keeps the
 * per-request lookup an index hit (a slow password hash such as PBKDF2 would protect nothing more
 * and cost CPU on every call). Revoking keeps the row, for the audit trail and the admin list.
 */
@Entity
@Table(name = "aw_api_token")
@NamedQuery(name = "ApiToken.byHash", query = "SELECT t FROM ApiToken t WHERE t.tokenHash = :hash")
@NamedQuery(name = "ApiToken.all", query = "SELECT t FROM ApiToken t ORDER BY t.id DESC")
@NamedQuery(name = "ApiToken.byUser",
    query = "SELECT t FROM ApiToken t WHERE t.username = :username ORDER BY t.id DESC")
@NamedQuery(name = "ApiToken.touch", query = "UPDATE ApiToken t SET t.lastUsedAt = :now"
    + " WHERE t.id = :id AND (t.lastUsedAt IS NULL OR t.lastUsedAt < :before)")
public class ApiToken {

  /** How stale {@code last_used_at} may get: it is written at most once per interval. */
  public static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "aw_seq")
  @SequenceGenerator(name = "aw_seq", sequenceName = "aw_seq", allocationSize = 1000)
  private Long id;

  @Version private long version;

  private String name;

  private String username;

  @Column(name = "token_hash", updatable = false)
  private String tokenHash;

  @Column(updatable = false)
  private String prefix;

  @Column(name = "created_at", updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at")
  private OffsetDateTime expiresAt;

  @Column(name = "last_used_at")
  private OffsetDateTime lastUsedAt;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  @Column(name = "created_by", updatable = false)
  private String createdBy;

  protected ApiToken() {}

  public ApiToken(String name, String username, String tokenHash, String prefix,
      OffsetDateTime createdAt, OffsetDateTime expiresAt, String createdBy) {
    this.name = name;
    this.username = username;
    this.tokenHash = tokenHash;
    this.prefix = prefix;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
    this.createdBy = createdBy;
  }

  /** Whether the token authenticates at {@code now}: not revoked and not (yet) expired. */
  public boolean isUsableAt(OffsetDateTime now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }

  /** Whether a use at {@code now} should be written to {@code last_used_at}. */
  public boolean needsTouchAt(OffsetDateTime now) {
    return lastUsedAt == null || !lastUsedAt.plus(TOUCH_INTERVAL).isAfter(now);
  }

  /** Marks the token revoked at {@code now}; false (and no change) if it already was. */
  public boolean revoke(OffsetDateTime now) {
    if (revokedAt != null) {
      return false;
    }
    revokedAt = now;
    return true;
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

  public String getUsername() {
    return username;
  }

  public String getTokenHash() {
    return tokenHash;
  }

  public String getPrefix() {
    return prefix;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getExpiresAt() {
    return expiresAt;
  }

  public OffsetDateTime getLastUsedAt() {
    return lastUsedAt;
  }

  /** Sets the last use as seen by this instance (the database is updated separately). */
  public void setLastUsedAt(OffsetDateTime lastUsedAt) {
    this.lastUsedAt = lastUsedAt;
  }

  public OffsetDateTime getRevokedAt() {
    return revokedAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }
}
