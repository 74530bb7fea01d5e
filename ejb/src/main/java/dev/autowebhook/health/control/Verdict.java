package dev.autowebhook.health.control;

import dev.autowebhook.delivery.boundary.DeliveryDispatcher;
import dev.autowebhook.delivery.boundary.DeliveryStats;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one health check, decided here without the MicroProfile Health runtime (so the
 * rules are unit-tested): up or down, and the data fields to show. Data values are numbers,
 * booleans and short words only: the probes are public.
 */
public record Verdict(boolean up, Map<String, Object> data) {

  public Verdict {
    data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  /**
   * Liveness: the pump has looked for work within {@code maxSilenceMillis} (it does every 5 s at
   * least while enabled). A disabled or stopping dispatcher is not a reason to restart.
   */
  public static Verdict alive(DeliveryDispatcher.Pulse p, long maxSilenceMillis) {
    boolean wedged = p.enabled() && p.started() && !p.stopped()
        && p.sinceHeartbeatMillis() > maxSilenceMillis;
    Map<String, Object> data = pulseData(p);
    data.put("max_heartbeat_age_ms", maxSilenceMillis);
    return new Verdict(!wedged, data);
  }

  /** Readiness: a disabled dispatcher is fine (this node only serves the API); else it must run. */
  public static Verdict dispatching(DeliveryDispatcher.Pulse p, long maxSilenceMillis) {
    boolean up = !p.enabled()
        || p.started() && !p.stopped() && p.sinceHeartbeatMillis() <= maxSilenceMillis;
    return new Verdict(up, pulseData(p));
  }

  /**
   * Readiness: no due delivery of an enabled subscriber has waited past its time longer than
   * {@code maxAgeSeconds} (a disabled subscriber's backlog waits on purpose).
   */
  public static Verdict backlog(List<DeliveryStats.Backlog> rows, Instant now,
      long maxAgeSeconds) {
    long oldest = 0;
    long due = 0;
    long open = 0;
    Long worst = null;
    for (DeliveryStats.Backlog b : rows) {
      open += b.open();
      if (!b.enabled()) {
        continue;
      }
      due += b.due();
      long age = b.oldestDueAgeSeconds(now);
      if (b.due() > 0 && (worst == null || age > oldest)) {
        oldest = age;
        worst = b.subscriberId();
      }
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("oldest_age_seconds", oldest);
    data.put("backlog", due);
    data.put("open", open);
    data.put("max_age_seconds", maxAgeSeconds);
    if (worst != null) {
      data.put("oldest_subscriber", worst);
    }
    return new Verdict(oldest <= maxAgeSeconds, data);
  }

  /** Database: reachable, or which kind of error (never its message: it may name hosts). */
  public static Verdict database(long millis, Throwable error) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("ms", millis);
    if (error != null) {
      data.put("error", error.getClass().getSimpleName());
    }
    return new Verdict(error == null, data);
  }

  private static Map<String, Object> pulseData(DeliveryDispatcher.Pulse p) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("enabled", p.enabled());
    data.put("started", p.started() && !p.stopped());
    data.put("heartbeat_age_ms", p.sinceHeartbeatMillis());
    data.put("pump_running_ms", p.pumpRunningMillis());
    data.put("in_flight", p.inFlight());
    data.put("lanes", p.lanes());
    return data;
  }
}
