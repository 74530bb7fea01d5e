package dev.autowebhook.subscription.control;

import dev.autowebhook.subscription.entity.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;

/**
 * Answers "what does the config say about this model" for capture without a query per write:
 * routes are cached and reloaded after a local config or subscriber change, and at least every
 * {@code autowebhook.config.cache-seconds} (so other nodes' edits arrive too).
 */
@ApplicationScoped
public class SubscriptionMatcher {

  @PersistenceContext(unitName = "autowebhook")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "autowebhook.config.cache-seconds", defaultValue = "5")
  int cacheSeconds;

  private final Map<String, Route.Drops> drops = new ConcurrentHashMap<>();
  private volatile Map<String, Route> routes;
  private volatile long loadedAt;

  public Route route(String model) {
    Map<String, Route> r = routes;
    if (r == null || System.nanoTime() - loadedAt > cacheSeconds * 1_000_000_000L) {
      r = load();
    }
    Route route = r.get(model);
    return route != null ? route : Route.untracked(model);
  }

  private synchronized Map<String, Route> load() {
    Map<String, Route> current = routes;
    if (current != null && System.nanoTime() - loadedAt <= cacheSeconds * 1_000_000_000L) {
      return current; // another thread reloaded while this one waited
    }
    List<WebhookConfig> configs = em.createNamedQuery("WebhookConfig.withSubscribers",
        WebhookConfig.class).getResultList();
    Map<String, Route> map = new HashMap<>();
    for (WebhookConfig c : configs) {
      map.put(c.getModel(), Route.of(c, drops(c.getModel())));
    }
    routes = map;
    loadedAt = System.nanoTime();
    return map;
  }

  /**
   * What the filter of a model's config dropped on this node since it started (kept across
   * reloads and edits of the config, in memory only).
   */
  public Route.Drops drops(String model) {
    return drops.computeIfAbsent(model, m -> new Route.Drops());
  }

  /** Drops the cache; the next capture reloads. */
  public void invalidate() {
    routes = null;
  }
}
