package dev.autowebhook.feed.boundary;

import dev.autowebhook.audit.boundary.AuditLog;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.platform.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
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
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Event retention (the {@code event-cleanup} job, or {@link #run} on demand): events older than
 * {@code autowebhook.feed.retention-seconds} (90 days) are copied to {@code aw_event_archive} and
 * deleted with their deliveries and attempts. Status rules: an event goes only when every
 * delivery of it was sent — nothing pending, being sent or failed goes, and a dead letter only
 * past the hard limit; and never one that an active device has not synced yet (its cursor is
 * below the event's position) unless it is older than {@code autowebhook.feed.hard-limit-seconds}
 * (365 days). Works in chunks of ids, each re-checked when it is archived.
 */
@Stateless
public class FeedRetention {

  static final int CHUNK = 1000;

  /** What one run did. */
  public record Result(long archived, long retentionSeconds, long hardLimitSeconds) {}

  /** The limits of one run, fixed when it starts. */
  public record Cutoffs(Instant olderThan, Instant hardLimit, Instant now, long retentionSeconds,
      long hardLimitSeconds) {}

  /** Which events may go; parameters: older-than, hard limit. */
  private static final String EXPIRED = "e.occurred_at < ? AND e.feed_seq IS NOT NULL"
      + " AND (e.occurred_at < ? OR NOT EXISTS (SELECT 1 FROM aw_sync_state s"
      + " WHERE s.active = TRUE AND s.cursor_pos < e.feed_seq))"
      + " AND NOT EXISTS (SELECT 1 FROM aw_delivery d WHERE d.event_id = e.id"
      + " AND d.status <> 'SENT' AND (d.status <> 'DEAD' OR e.occurred_at >= ?))";

  @Resource(lookup = SchemaMigration.DATASOURCE)
  DataSource dataSource;

  /** The longest retention or hard limit: 100 years. */
  static final long MAX_SECONDS = 100L * 31_557_600;

  @Resource SessionContext context;

  @Inject AuditLog audit;

  @Inject
  @ConfigProperty(name = "autowebhook.feed.retention-seconds", defaultValue = "7776000")
  long retentionSeconds;

  @Inject
  @ConfigProperty(name = "autowebhook.feed.hard-limit-seconds", defaultValue = "31536000")
  long hardLimitSeconds;

  /** The configured limits, or the given ones (seconds; e.g. to purge at once), from now. */
  public Cutoffs cutoffs(Long retention, Long hardLimit) {
    long keep = retention == null ? retentionSeconds : retention;
    long hard = hardLimit == null ? hardLimitSeconds : hardLimit;
    if (keep < 0) {
      throw new InvalidInputException("retention_seconds", "must not be negative");
    }
    if (hard < 0) {
      throw new InvalidInputException("hard_limit_seconds", "must not be negative");
    }
    if (keep > MAX_SECONDS) {
      throw new InvalidInputException("retention_seconds", "must be at most " + MAX_SECONDS
          + " (100 years)");
    }
    if (hard > MAX_SECONDS) {
      // Long.MAX_VALUE seconds before now is no Instant: it failed with a 500
      throw new InvalidInputException("hard_limit_seconds", "must be at most " + MAX_SECONDS
          + " (100 years)");
    }
    if (hard < keep) {
      throw new InvalidInputException("hard_limit_seconds",
          "must not be shorter than retention_seconds");
    }
    Instant now = Instant.now();
    return new Cutoffs(now.minusSeconds(keep), now.minusSeconds(hard), now, keep, hard);
  }

  /** Runs now to the end, each chunk committed on its own. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Result run(Long retention, Long hardLimit) {
    Cutoffs c = cutoffs(retention, hardLimit);
    FeedRetention self = context.getBusinessObject(FeedRetention.class);
    long total = 0;
    int n;
    do {
      n = self.archiveNext(c);
      total += n;
    } while (n == CHUNK);
    if (total > 0) {
      self.audited(total, c);
    }
    return new Result(total, c.retentionSeconds(), c.hardLimitSeconds());
  }

  /** Archives the next chunk in a transaction of its own. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int archiveNext(Cutoffs c) {
    return archive(expired(0, CHUNK, c), c);
  }

  /** Records what a run did. */
  public void audited(long archived, Cutoffs c) {
    audit.record("feed.retention", "feed", null, "archived and deleted " + archived
        + " events (retention " + c.retentionSeconds() + " s, hard limit "
        + c.hardLimitSeconds() + " s)");
  }

  /** Ids of events that may go, in id order after {@code afterId}. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public List<Long> expired(long afterId, int limit, Cutoffs c) {
    List<Long> ids = new ArrayList<>();
    try (Connection con = dataSource.getConnection();
        PreparedStatement ps = con.prepareStatement("SELECT e.id FROM aw_event e WHERE e.id > ?"
            + " AND " + EXPIRED + " ORDER BY e.id LIMIT ?")) {
      ps.setLong(1, afterId);
      bind(ps, 2, c);
      ps.setInt(5, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException("Reading expired events failed: " + e.getMessage(), e);
    }
  }

  /**
   * Copies these events to the archive and deletes them (their deliveries and attempts go with
   * them), those among them that still may go. In a transaction of its own: a job's chunk
   * transaction already holds the batch runtime's job repository, another non-XA resource.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int archive(List<Long> candidates, Cutoffs c) {
    if (candidates.isEmpty()) {
      return 0;
    }
    try (Connection con = dataSource.getConnection()) {
      List<Long> ids = new ArrayList<>();
      try (PreparedStatement ps = con.prepareStatement("SELECT e.id FROM aw_event e WHERE e.id IN ("
          + in(candidates) + ") AND " + EXPIRED)) {
        bind(ps, 1, c);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
        }
      }
      if (ids.isEmpty()) {
        return 0;
      }
      try (PreparedStatement ps = con.prepareStatement(
          "INSERT INTO aw_event_archive (id, uid, model, record_id, kind, priority, category,"
              + " occurred_at, payload, feed_seq, archived_at) SELECT id, uid, model, record_id,"
              + " kind, priority, category, occurred_at, payload, feed_seq, ? FROM aw_event"
              + " WHERE id IN (" + in(ids) + ")")) {
        ps.setTimestamp(1, Timestamp.from(c.now()));
        ps.executeUpdate();
      }
      try (PreparedStatement ps = con.prepareStatement(
          "DELETE FROM aw_event WHERE id IN (" + in(ids) + ")")) {
        ps.executeUpdate();
      }
      return ids.size();
    } catch (SQLException e) {
      throw new IllegalStateException("Archiving events failed: " + e.getMessage(), e);
    }
  }

  private static void bind(PreparedStatement ps, int from, Cutoffs c) throws SQLException {
    ps.setTimestamp(from, Timestamp.from(c.olderThan()));
    ps.setTimestamp(from + 1, Timestamp.from(c.hardLimit()));
    ps.setTimestamp(from + 2, Timestamp.from(c.hardLimit()));
  }

  static String in(List<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
