package dev.autowebhook.delivery.boundary;

import dev.autowebhook.delivery.control.AttemptResult;
import dev.autowebhook.delivery.control.LatencyHistogram;
import dev.autowebhook.metrics.boundary.Metrics;
import dev.autowebhook.metrics.boundary.Scraping;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The delivery figures in the Prometheus registry: recorded attempts by outcome (one per delivery,
 * so a batched request counts for each event it carried) with their latency, and each
 * subscriber's backlog. Counters are looked up in a map and incremented without a lock; the
 * backlog gauges are refreshed from one grouped query when a scrape comes, at most every
 * {@link #REFRESH}. Tags are the subscriber id, the channel and the outcome: bounded by the
 * number of subscribers, and never a name or URL.
 */
@ApplicationScoped
public class DeliveryMeters {

  private static final Logger LOG = Logger.getLogger(DeliveryMeters.class.getName());

  /** Scrapes closer together than this reuse the last backlog figures. */
  static final Duration REFRESH = Duration.ofSeconds(2);

  @Inject Metrics metrics;
  @Inject DeliveryStats stats;

  private MeterRegistry registry;
  private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
  private final Map<Key, Timer> timers = new ConcurrentHashMap<>();
  private final Map<Long, Backlog> backlogs = new ConcurrentHashMap<>();
  private volatile Instant refreshed = Instant.EPOCH;

  /** Tags of one series; {@code outcome} is null for the latency timer. */
  record Key(long subscriber, String channel, String outcome) {}

  /** The gauges' values of one subscriber (held here: gauges keep only a weak reference). */
  static final class Backlog {
    volatile double open;
    volatile double oldestAgeSeconds;
  }

  public DeliveryMeters() {}

  DeliveryMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  @PostConstruct
  void init() {
    registry = metrics.registry();
  }

  /** Counts results that were recorded. */
  public void count(List<AttemptResult> results) {
    for (AttemptResult r : results) {
      long subscriber = r.outgoing().subscriberId();
      String channel = r.outgoing().target().kind().name().toLowerCase(Locale.ROOT);
      counters.computeIfAbsent(new Key(subscriber, channel, r.outcome().key()), k ->
          Counter.builder("autowebhook.deliveries")
              .description("Delivery attempts recorded, by outcome: sent, failed (will be"
                  + " retried) or dead")
              .tags("subscriber", Long.toString(k.subscriber()), "channel", k.channel(),
                  "outcome", k.outcome())
              .register(registry)).increment();
      timers.computeIfAbsent(new Key(subscriber, channel, null), k ->
          Timer.builder("autowebhook.delivery.attempt")
              .description("Duration of delivery attempts (the HTTP call or JMS send)")
              .tags("subscriber", Long.toString(k.subscriber()), "channel", k.channel())
              .serviceLevelObjectives(LatencyHistogram.BOUNDS.stream().map(Duration::ofMillis)
                  .toArray(Duration[]::new))
              .register(registry)).record(r.durationMs(), TimeUnit.MILLISECONDS);
    }
  }

  void onScrape(@Observes Scraping scraping) {
    if (Duration.between(refreshed, scraping.at()).compareTo(REFRESH) < 0) {
      return;
    }
    try {
      apply(stats.backlogs(scraping.at()), scraping.at());
      refreshed = scraping.at();
    } catch (RuntimeException e) {
      // the figures only: the scrape shows the last known values
      LOG.log(Level.WARNING, "Backlog gauges not refreshed: " + e.getMessage());
    }
  }

  /** Sets every known subscriber's gauges: those without open deliveries go to 0. */
  void apply(List<DeliveryStats.Backlog> rows, Instant now) {
    Set<Long> seen = new HashSet<>();
    for (DeliveryStats.Backlog row : rows) {
      Backlog b = backlog(row.subscriberId());
      b.open = row.open();
      b.oldestAgeSeconds = row.oldestDueAgeSeconds(now);
      seen.add(row.subscriberId());
    }
    backlogs.forEach((id, b) -> {
      if (!seen.contains(id)) {
        b.open = 0;
        b.oldestAgeSeconds = 0;
      }
    });
  }

  private Backlog backlog(long subscriber) {
    return backlogs.computeIfAbsent(subscriber, id -> {
      Backlog b = new Backlog();
      String tag = Long.toString(id);
      Gauge.builder("autowebhook.backlog.deliveries", b, x -> x.open)
          .description("Open deliveries of the subscriber: pending, being sent or failed (to be"
              + " retried)")
          .tags("subscriber", tag).register(registry);
      Gauge.builder("autowebhook.backlog.oldest.age", b, x -> x.oldestAgeSeconds)
          .description("How long the subscriber's oldest due delivery has waited past its time")
          .baseUnit("seconds").tags("subscriber", tag).register(registry);
      return b;
    });
  }
}
