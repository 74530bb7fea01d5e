package dev.autowebhook.security.control;

import dev.autowebhook.security.boundary.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jakarta Security identity store over the application's own user table: a valid user gets its
 * role as its only group (mapped 1:1 to the role of the same name).
 *
 * <p>PBKDF2 is deliberately slow (~0.1 s of CPU), and HTTP Basic sends the password with every
 * request; so a successful check is remembered for a minute under a keyed SHA-256 of the
 * credentials (random per-process key, nothing reversible is kept). Failures are never cached.
 */
@ApplicationScoped
public class UserIdentityStore implements IdentityStore {

  static final long TTL_NANOS = 60_000_000_000L;
  private static final int MAX_ENTRIES = 10_000;

  private record Remembered(CredentialValidationResult result, long until) {}

  private final Map<String, Remembered> verified = new ConcurrentHashMap<>();
  private final byte[] pepper = new byte[32];

  @Inject Users users;

  public UserIdentityStore() {
    new SecureRandom().nextBytes(pepper);
  }

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential c)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    String key = key(c.getCaller(), c.getPasswordAsString());
    long now = System.nanoTime();
    Remembered r = verified.get(key);
    if (r != null && now - r.until() < 0) {
      return r.result();
    }
    CredentialValidationResult result = users.authenticate(c.getCaller(), c.getPasswordAsString())
        .map(u -> new CredentialValidationResult(u.getUsername(), Set.of(u.getRole().roleName())))
        .orElse(CredentialValidationResult.INVALID_RESULT);
    if (result.getStatus() == CredentialValidationResult.Status.VALID) {
      if (verified.size() >= MAX_ENTRIES) {
        verified.clear();
      }
      verified.put(key, new Remembered(result, now + TTL_NANOS));
    } else {
      verified.remove(key);
    }
    return result;
  }

  private String key(String user, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(pepper);
      sha.update(user.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(password.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
