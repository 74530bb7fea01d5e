package dev.autowebhook.api.security;

import dev.autowebhook.security.entity.ApiToken;
import java.time.OffsetDateTime;

/**
 * An API token as the API shows it: never its hash; the clear {@code token} only in the answer
 * to the issue, the one time it exists.
 */
public record TokenOut(
    Long id, String name, String username, String prefix, OffsetDateTime createdAt,
    OffsetDateTime expiresAt, OffsetDateTime lastUsedAt, OffsetDateTime revokedAt,
    String createdBy, String token) {

  public static TokenOut of(ApiToken t) {
    return of(t, null);
  }

  public static TokenOut of(ApiToken t, String token) {
    return new TokenOut(t.getId(), t.getName(), t.getUsername(), t.getPrefix(), t.getCreatedAt(),
        t.getExpiresAt(), t.getLastUsedAt(), t.getRevokedAt(), t.getCreatedBy(), token);
  }
}
