package dev.autowebhook.feed.boundary;

import dev.autowebhook.audit.boundary.AuditLog;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.platform.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Feed retention: events older than {@code autowebhook.feed.retention-seconds} (90 days) are
 * copied to {@code aw_event_archive} and deleted, in chunks of {@link #CHUNK} each committed on
 * its own — but never one that an active device has not synced yet (its cursor is below the
 * event's position) unless it is older than {@code autowebhook.feed.hard-limit-seconds} (365
 * days), and never one whose deliveries are still under way. Daily at 03:17, or on demand.
 */
@Stateless
public class FeedRetention {

  static final int CHUNK = 1000;
  private static final Logger LOG = Logger.getLogger(FeedRetention.class.getName());

  /** What one run did. */
  public record Result(long archived, long retentionSeconds, long hardLimitSeconds) {}

  @Resource(lookup = SchemaMigration.DATASOURCE)
  DataSource dataSource;

  @Inject AuditLog audit;

  @Inject
  @ConfigProperty(name = "autowebhook.feed.retention-seconds", defaultValue = "7776000")
  long retentionSeconds;

  @Inject
  @ConfigProperty(name = "autowebhook.feed.hard-limit-seconds", defaultValue = "31536000")
  long hardLimitSeconds;

  @Schedule(hour = "3", minute = "17", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void nightly() {
    Result r = run(null, null);
    LOG.info(() -> "Feed retention archived " + r.archived() + " events");
  }

  /**
   * Runs now with the configured limits, or with the given ones (seconds; e.g. to purge at once).
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Result run(Long retention, Long hardLimit) {
    long keep = retention == null ? retentionSeconds : retention;
    long hard = hardLimit == null ? hardLimitSeconds : hardLimit;
    if (keep < 0) {
      throw new InvalidInputException("retention_seconds", "must not be negative");
    }
    if (hard < 0) {
      throw new InvalidInputException("hard_limit_seconds", "must not be negative");
    }
    if (hard < keep) {
      throw new InvalidInputException("hard_limit_seconds",
          "must not be shorter than retention_seconds");
    }
    Instant now = Instant.now();
    long total = 0;
    int n;
    do {
      n = chunk(now.minusSeconds(keep), now.minusSeconds(hard), now);
      total += n;
    } while (n == CHUNK);
    if (total > 0) {
      audit.record("feed.retention", "feed", null, "archived and deleted " + total
          + " events (retention " + keep + " s, hard limit " + hard + " s)");
    }
    return new Result(total, keep, hard);
  }

  private int chunk(Instant olderThan, Instant hardLimit, Instant now) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT e.id FROM aw_event e WHERE e.occurred_at < ? AND e.feed_seq IS NOT NULL"
                + " AND (e.occurred_at < ? OR NOT EXISTS (SELECT 1 FROM aw_sync_state s"
                + " WHERE s.active = TRUE AND s.cursor_pos < e.feed_seq))"
                + " AND NOT EXISTS (SELECT 1 FROM aw_delivery d WHERE d.event_id = e.id"
                + " AND d.status NOT IN ('SENT', 'DEAD'))"
                + " ORDER BY e.id LIMIT ?")) {
          ps.setTimestamp(1, Timestamp.from(olderThan));
          ps.setTimestamp(2, Timestamp.from(hardLimit));
          ps.setInt(3, CHUNK);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getLong(1));
            }
          }
        }
        if (ids.isEmpty()) {
          c.commit();
          return 0;
        }
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO aw_event_archive (id, uid, model, record_id, kind, priority, category,"
                + " occurred_at, payload, feed_seq, archived_at) SELECT id, uid, model, record_id,"
                + " kind, priority, category, occurred_at, payload, feed_seq, ? FROM aw_event"
                + " WHERE id IN (" + in + ")")) {
          ps.setTimestamp(1, Timestamp.from(now));
          ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
            "DELETE FROM aw_event WHERE id IN (" + in + ")")) {
          ps.executeUpdate();
        }
        c.commit();
        return ids.size();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Feed retention failed: " + e.getMessage(), e);
    }
  }
}
