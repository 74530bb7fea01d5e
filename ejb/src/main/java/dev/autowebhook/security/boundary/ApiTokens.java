package dev.autowebhook.security.boundary;

import dev.autowebhook.audit.boundary.AuditLog;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.platform.InvalidInputException.Violation;
import dev.autowebhook.platform.NotFoundException;
import dev.autowebhook.platform.Time;
import dev.autowebhook.security.control.TokenCache;
import dev.autowebhook.security.control.TokenGenerator;
import dev.autowebhook.security.entity.ApiToken;
import dev.autowebhook.security.entity.AppUser;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * API tokens of sync clients: issued for an existing user (the clear token is shown once, only
 * its hash is kept), listed, revoked, and checked on every request that carries one. Issuing and
 * revoking are audited.
 */
@Stateless
public class ApiTokens {

  /** A newly issued token: the stored row and the clear token, which exists only here. */
  public record Issued(ApiToken apiToken, String token) {}

  @PersistenceContext(unitName = "autowebhook")
  EntityManager em;

  @Inject Users users;
  @Inject AuditLog audit;
  @Inject TokenCache cache;

  /**
   * Issues a token for {@code username}, labelled {@code name}, valid until {@code expiresAt}
   * (null: until revoked).
   */
  public Issued issue(String username, String name, OffsetDateTime expiresAt) {
    OffsetDateTime now = Time.now();
    List<Violation> v = new ArrayList<>();
    if (username == null || username.isBlank()) {
      v.add(new Violation("username", "must name the user the token acts for"));
    } else {
      Optional<AppUser> user = users.byName(username.trim());
      if (user.isEmpty()) {
        v.add(new Violation("username", "no user '" + username.trim() + "'"));
      } else if (!user.get().isEnabled()) {
        v.add(new Violation("username", "user '" + username.trim() + "' is disabled"));
      }
    }
    if (name == null || name.isBlank()) {
      v.add(new Violation("name", "must not be blank"));
    } else if (name.trim().length() > 100) {
      v.add(new Violation("name", "must be at most 100 characters"));
    }
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      v.add(new Violation("expires_at", "must be in the future"));
    }
    if (!v.isEmpty()) {
      throw InvalidInputException.of(v);
    }
    String token = TokenGenerator.newToken();
    ApiToken t = new ApiToken(name.trim(), username.trim(), TokenGenerator.hash(token),
        TokenGenerator.shown(token), now, expiresAt, audit.actor());
    em.persist(t);
    em.flush();
    audit.record("token.issue", "api_token", t.getId(), "user=" + t.getUsername() + " name="
        + t.getName() + " prefix=" + t.getPrefix()
        + (expiresAt == null ? "" : " expires_at=" + expiresAt));
    return new Issued(t, token);
  }

  /** Every token, newest first, or those of one user ({@code username} not null). */
  public List<ApiToken> list(String username) {
    if (username == null || username.isBlank()) {
      return em.createNamedQuery("ApiToken.all", ApiToken.class).getResultList();
    }
    return em.createNamedQuery("ApiToken.byUser", ApiToken.class)
        .setParameter("username", username.trim()).getResultList();
  }

  public ApiToken get(long id) {
    ApiToken t = em.find(ApiToken.class, id);
    if (t == null) {
      throw new NotFoundException("token", id);
    }
    return t;
  }

  /**
   * Revokes the token; revoking a revoked token changes nothing. Effective at once on this node
   * and within the {@link TokenCache} TTL on others.
   */
  public ApiToken revoke(long id) {
    ApiToken t = get(id);
    cache.forget(t.getTokenHash());
    if (t.revoke(Time.now())) {
      em.flush();
      audit.record("token.revoke", "api_token", id, "user=" + t.getUsername() + " name="
          + t.getName() + " prefix=" + t.getPrefix());
    }
    return t;
  }

  /**
   * The token's row if {@code token} is a usable token (known, not revoked, not expired). A
   * successful check records {@code last_used_at}, at most once per {@link
   * ApiToken#TOUCH_INTERVAL}, with a conditional update that does not touch the row's version.
   */
  public Optional<ApiToken> authenticate(String token) {
    if (!TokenGenerator.wellFormed(token)) {
      return Optional.empty();
    }
    String hash = TokenGenerator.hash(token);
    OffsetDateTime now = Time.now();
    Optional<ApiToken> cached = cache.get(hash);
    if (cached.isPresent()) {
      return cached.filter(t -> t.isUsableAt(now));
    }
    Optional<ApiToken> found = em.createNamedQuery("ApiToken.byHash", ApiToken.class)
        .setParameter("hash", hash).getResultStream().findFirst()
        .filter(t -> t.isUsableAt(now))
        .filter(t -> users.byName(t.getUsername()).filter(AppUser::isEnabled).isPresent());
    if (found.isEmpty()) {
      return found;
    }
    ApiToken t = found.get();
    em.detach(t);
    if (t.needsTouchAt(now)) {
      em.createNamedQuery("ApiToken.touch").setParameter("now", now).setParameter("id", t.getId())
          .setParameter("before", now.minus(ApiToken.TOUCH_INTERVAL)).executeUpdate();
      t.setLastUsedAt(now);
    }
    cache.put(t);
    return Optional.of(t);
  }
}
