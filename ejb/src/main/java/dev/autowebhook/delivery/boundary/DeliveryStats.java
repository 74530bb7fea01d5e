package dev.autowebhook.delivery.boundary;

import dev.autowebhook.delivery.control.DeliveryMetrics;
import dev.autowebhook.delivery.control.LatencyHistogram;
import dev.autowebhook.delivery.entity.DeliveryStatus;
import dev.autowebhook.platform.SchemaMigration;
import dev.autowebhook.subscription.entity.Subscriber;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * The dashboard's figures: attempts per time bucket with their latency percentiles (from the
 * per-minute rows each node's {@link DeliveryMetrics} flushes every five seconds) and each
 * subscriber's health (latest success and failure, backlog, dead letters, why it is disabled).
 * Both read a bounded number of rows whatever the delivery volume.
 */
@Stateless
public class DeliveryStats {

  private static final Logger LOG = Logger.getLogger(DeliveryStats.class.getName());

  /** Per-minute rows are kept this long. */
  static final Duration KEEP = Duration.ofDays(8);

  /** The span a timeline covers and the width of its buckets. */
  public enum Window {
    HOUR(Duration.ofHours(1), Duration.ofMinutes(1)),
    DAY(Duration.ofDays(1), Duration.ofMinutes(15));

    final Duration span;
    final Duration bucket;

    Window(Duration span, Duration bucket) {
      this.span = span;
      this.bucket = bucket;
    }

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public int bucketSeconds() {
      return (int) bucket.toSeconds();
    }
  }

  /** One bucket: attempts sent, failed (to be retried) and dead, and their latency. */
  public record Point(Instant start, long sent, long failed, long dead, Long p50Ms, Long p95Ms,
      Long avgMs) {}

  /** A window's buckets, oldest first, and its totals. */
  public record Timeline(Window window, List<Point> points, long sent, long failed, long dead,
      Long p50Ms, Long p95Ms) {}

  /** How one subscriber is doing. */
  public record Health(long id, String name, boolean enabled, String disabledReason,
      OffsetDateTime disabledAt, OffsetDateTime failingSince, OffsetDateTime lastSuccessAt,
      OffsetDateTime lastFailureAt, String lastFailure, long backlog, long dead) {}

  @Resource(lookup = SchemaMigration.DATASOURCE)
  DataSource dataSource;

  @PersistenceContext(unitName = "autowebhook")
  EntityManager em;

  /** Deliveries by status, and the share of finished ones that were sent (null before any). */
  public record Summary(Map<String, Long> byStatus, long total, Double successRate) {}

  @Inject Deliveries deliveries;
  @Inject DeliveryMetrics metrics;
  @Inject DeliveryDispatcher dispatcher;

  /** Counts by status; the success rate is sent / (sent + dead): retries still pending aside. */
  public Summary summary() {
    Map<String, Long> counts = deliveries.countsByStatus();
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    long sent = counts.getOrDefault(DeliveryStatus.SENT.key(), 0L);
    long dead = counts.getOrDefault(DeliveryStatus.DEAD.key(), 0L);
    return new Summary(counts, total, sent + dead == 0 ? null : (double) sent / (sent + dead));
  }

  /** Writes this node's counts of the last seconds; drops rows older than {@link #KEEP}. */
  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  public void flush() {
    List<DeliveryMetrics.Delta> deltas = metrics.drain(Instant.now());
    String cols = IntStream.range(0, LatencyHistogram.SIZE).mapToObj(LatencyHistogram::column)
        .collect(Collectors.joining(", "));
    String adds = IntStream.range(0, LatencyHistogram.SIZE).mapToObj(LatencyHistogram::column)
        .map(c -> c + " = " + c + " + ?").collect(Collectors.joining(", "));
    try (Connection c = dataSource.getConnection();
        PreparedStatement update = c.prepareStatement("UPDATE aw_delivery_minute SET"
            + " sent = sent + ?, failed = failed + ?, dead = dead + ?,"
            + " duration_sum_ms = duration_sum_ms + ?, " + adds
            + " WHERE minute_start = ? AND node = ?");
        PreparedStatement insert = c.prepareStatement("INSERT INTO aw_delivery_minute"
            + " (sent, failed, dead, duration_sum_ms, " + cols + ", minute_start, node) VALUES ("
            + "?, ?, ?, ?, " + "?, ".repeat(LatencyHistogram.SIZE) + "?, ?)")) {
      for (DeliveryMetrics.Delta d : deltas) {
        if (bind(update, d) == 0) {
          bind(insert, d);
        }
      }
      if (Instant.now().getEpochSecond() % 3600 < 5) {
        try (PreparedStatement purge = c.prepareStatement(
            "DELETE FROM aw_delivery_minute WHERE minute_start < ?")) {
          purge.setTimestamp(1, Timestamp.from(Instant.now().minus(KEEP)));
          purge.executeUpdate();
        }
      }
    } catch (SQLException e) {
      // figures only: the next flush has the next counts; deliveries are unaffected
      LOG.log(Level.WARNING, "Could not write delivery stats: " + e.getMessage(), e);
    }
  }

  private int bind(PreparedStatement ps, DeliveryMetrics.Delta d) throws SQLException {
    int i = 1;
    ps.setLong(i++, d.sent());
    ps.setLong(i++, d.failed());
    ps.setLong(i++, d.dead());
    ps.setLong(i++, d.durationSumMs());
    for (long b : d.buckets()) {
      ps.setLong(i++, b);
    }
    ps.setTimestamp(i++, Timestamp.from(d.minute()));
    ps.setString(i, dispatcher.node());
    return ps.executeUpdate();
  }

  /** The window ending with the current bucket, summed over all nodes. */
  public Timeline timeline(Window w) {
    long bucket = w.bucket.toSeconds();
    int n = (int) (w.span.toSeconds() / bucket);
    long first = (Instant.now().getEpochSecond() / bucket - (n - 1)) * bucket;
    long[][] hist = new long[n][LatencyHistogram.SIZE];
    long[][] counts = new long[n][4]; // sent, failed, dead, duration sum
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT minute_start, sent, failed, dead,"
            + " duration_sum_ms, " + IntStream.range(0, LatencyHistogram.SIZE)
                .mapToObj(LatencyHistogram::column).collect(Collectors.joining(", "))
            + " FROM aw_delivery_minute WHERE minute_start >= ?")) {
      ps.setTimestamp(1, Timestamp.from(Instant.ofEpochSecond(first)));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int at = (int) ((rs.getTimestamp(1).toInstant().getEpochSecond() - first) / bucket);
          if (at < 0 || at >= n) {
            continue;
          }
          for (int k = 0; k < 4; k++) {
            counts[at][k] += rs.getLong(2 + k);
          }
          for (int b = 0; b < LatencyHistogram.SIZE; b++) {
            hist[at][b] += rs.getLong(6 + b);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading delivery stats failed: " + e.getMessage(), e);
    }
    List<Point> points = new ArrayList<>(n);
    long[] total = new long[LatencyHistogram.SIZE];
    long sent = 0;
    long failed = 0;
    long dead = 0;
    for (int i = 0; i < n; i++) {
      long attempts = counts[i][0] + counts[i][1] + counts[i][2];
      points.add(new Point(Instant.ofEpochSecond(first + i * bucket), counts[i][0],
          counts[i][1], counts[i][2], LatencyHistogram.percentile(hist[i], 0.5),
          LatencyHistogram.percentile(hist[i], 0.95),
          attempts == 0 ? null : counts[i][3] / attempts));
      sent += counts[i][0];
      failed += counts[i][1];
      dead += counts[i][2];
      for (int b = 0; b < total.length; b++) {
        total[b] += hist[i][b];
      }
    }
    return new Timeline(w, points, sent, failed, dead, LatencyHistogram.percentile(total, 0.5),
        LatencyHistogram.percentile(total, 0.95));
  }

  /**
   * One subscriber's open deliveries (pending, being sent or failed to retry) and, of those waiting
   * to be claimed (pending or failed), how many are due and since when the oldest is due.
   */
  public record Backlog(long subscriberId, boolean enabled, long open, long due,
      Instant oldestDueAt) {

    /** Seconds the oldest due delivery has waited past its time (0 without one). */
    public long oldestDueAgeSeconds(Instant now) {
      return oldestDueAt == null ? 0 : Math.max(0, Duration.between(oldestDueAt, now).toSeconds());
    }
  }

  /**
   * Every subscriber with open deliveries, from one grouped query (health and metrics read it on
   * every probe or scrape, so it must stay one statement whatever the number of subscribers).
   */
  public List<Backlog> backlogs(Instant now) {
    List<Backlog> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT d.subscriber_id, s.enabled, COUNT(*),"
            + " SUM(CASE WHEN d.status <> 'PROCESSING' AND d.next_attempt_at <= ? THEN 1 ELSE 0"
            + " END), MIN(CASE WHEN d.status <> 'PROCESSING' AND d.next_attempt_at <= ?"
            + " THEN d.next_attempt_at END)"
            + " FROM aw_delivery d JOIN aw_subscriber s ON s.id = d.subscriber_id"
            + " WHERE d.status IN ('PENDING', 'PROCESSING', 'FAILED')"
            + " GROUP BY d.subscriber_id, s.enabled")) {
      Timestamp ts = Timestamp.from(now);
      ps.setTimestamp(1, ts);
      ps.setTimestamp(2, ts);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Timestamp oldest = rs.getTimestamp(5);
          out.add(new Backlog(rs.getLong(1), rs.getBoolean(2), rs.getLong(3), rs.getLong(4),
              oldest == null ? null : oldest.toInstant()));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the delivery backlog failed: " + e.getMessage(), e);
    }
    return out;
  }

  /** Every subscriber's health, in id order. Backlog: pending, being sent or failed (to retry). */
  public List<Health> health() {
    Map<Long, long[]> open = new HashMap<>();
    for (Object[] row : em.createQuery("SELECT d.subscriberId, d.status, COUNT(d) FROM Delivery d"
            + " WHERE d.status IN (dev.autowebhook.delivery.entity.DeliveryStatus.PENDING,"
            + " dev.autowebhook.delivery.entity.DeliveryStatus.PROCESSING,"
            + " dev.autowebhook.delivery.entity.DeliveryStatus.FAILED,"
            + " dev.autowebhook.delivery.entity.DeliveryStatus.DEAD)"
            + " GROUP BY d.subscriberId, d.status", Object[].class).getResultList()) {
      long[] c = open.computeIfAbsent((Long) row[0], k -> new long[2]);
      c[row[1] == DeliveryStatus.DEAD ? 1 : 0] += (Long) row[2];
    }
    List<Health> out = new ArrayList<>();
    for (Subscriber s : em.createNamedQuery("Subscriber.all", Subscriber.class)
        .getResultList()) {
      long[] c = open.getOrDefault(s.getId(), new long[2]);
      out.add(new Health(s.getId(), s.getName(), s.isEnabled(), s.getDisabledReason(),
          s.getDisabledAt(), s.getFailingSince(), s.getLastSuccessAt(), s.getLastFailureAt(),
          s.getLastFailure(), c[0], c[1]));
    }
    return out;
  }
}
