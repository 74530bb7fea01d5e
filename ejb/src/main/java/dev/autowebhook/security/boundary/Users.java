package dev.autowebhook.security.boundary;

import dev.autowebhook.platform.Time;
import dev.autowebhook.audit.boundary.AuditLog;
import dev.autowebhook.platform.ConflictException;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.security.entity.AppUser;
import dev.autowebhook.security.entity.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Admin and viewer accounts: creation with a hashed password, lookup for authentication. */
@Stateless
public class Users {

  @PersistenceContext(unitName = "autowebhook")
  EntityManager em;

  @Inject Pbkdf2PasswordHash hash;
  @Inject AuditLog audit;

  public Optional<AppUser> byName(String username) {
    return em.createNamedQuery("AppUser.byName", AppUser.class).setParameter("name", username)
        .getResultStream().findFirst();
  }

  public long count() {
    return em.createQuery("SELECT COUNT(u) FROM AppUser u", Long.class).getSingleResult();
  }

  public List<AppUser> all() {
    return em.createQuery("SELECT u FROM AppUser u ORDER BY u.username", AppUser.class)
        .getResultList();
  }

  public AppUser create(String username, String password, Role role) {
    if (username == null || !username.matches("[A-Za-z0-9._@-]{1,100}")) {
      throw new InvalidInputException("username",
          "must be 1-100 letters, digits or . _ @ -");
    }
    if (password == null || password.length() < 8) {
      throw new InvalidInputException("password", "must be at least 8 characters");
    }
    if (byName(username).isPresent()) {
      throw new ConflictException("user '" + username + "' already exists");
    }
    AppUser u = new AppUser(username, hash.generate(password.toCharArray()), role,
        Time.now());
    em.persist(u);
    audit.record("user.create", "user", username, "role=" + role.roleName());
    return u;
  }

  /**
   * The first admin from configuration. The demo default password is short, so the length rule
   * of {@link #create} does not apply here; README tells operators to set a real one.
   */
  public AppUser createFirstAdmin(String username, String password) {
    if (password == null || password.isEmpty()) {
      throw new InvalidInputException("password", "AUTOWEBHOOK_ADMIN_PASSWORD must not be empty");
    }
    AppUser u = new AppUser(username, hash.generate(password.toCharArray()), Role.WEBHOOK_ADMIN,
        Time.now());
    em.persist(u);
    audit.record("user.create", "user", username, "role=webhook-admin (first start)");
    return u;
  }

  /** Checks a password; empty when the user is unknown, disabled or the password is wrong. */
  public Optional<AppUser> authenticate(String username, String password) {
    return byName(username)
        .filter(AppUser::isEnabled)
        .filter(u -> hash.verify(password.toCharArray(), u.getPasswordHash()));
  }
}
