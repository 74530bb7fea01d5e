package dev.autowebhook.security.control;

import dev.autowebhook.security.entity.ApiToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Successful token lookups of this process, for {@link #TTL_NANOS} (30 s), keyed by the token
 * hash, so a busy sync client costs no database read per request. A revocation on this node
 * removes the entry at once; one on another node takes effect here within the TTL at the latest.
 * Failures are never cached. Entries are detached entities, only to be read.
 */
@ApplicationScoped
public class TokenCache {

  static final long TTL_NANOS = 30_000_000_000L;
  private static final int MAX_ENTRIES = 10_000;

  private record Remembered(ApiToken token, long until) {}

  private final Map<String, Remembered> byHash = new ConcurrentHashMap<>();

  public Optional<ApiToken> get(String hash) {
    Remembered r = byHash.get(hash);
    if (r == null) {
      return Optional.empty();
    }
    if (System.nanoTime() - r.until() >= 0) {
      byHash.remove(hash, r);
      return Optional.empty();
    }
    return Optional.of(r.token());
  }

  public void put(ApiToken token) {
    if (byHash.size() >= MAX_ENTRIES) {
      byHash.clear();
    }
    byHash.put(token.getTokenHash(), new Remembered(token, System.nanoTime() + TTL_NANOS));
  }

  public void forget(String hash) {
    byHash.remove(hash);
  }
}
