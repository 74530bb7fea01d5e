package dev.autowebhook.delivery.boundary;

import dev.autowebhook.delivery.control.Outgoing;
import dev.autowebhook.delivery.entity.AttemptTrigger;
import dev.autowebhook.platform.SchemaMigration;
import dev.autowebhook.subscription.boundary.Subscribers;
import dev.autowebhook.subscription.entity.Subscriber;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Claims due deliveries for this node in one short transaction: locks them with
 * {@code FOR UPDATE SKIP LOCKED} (so several nodes never take the same row), marks them
 * {@code processing} with a lease, and returns what is needed to send them. A lease that runs out
 * (a node crashed mid-attempt) makes the row due again for any node.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryClaims {

  @Resource(lookup = SchemaMigration.DATASOURCE)
  DataSource dataSource;

  @Inject Subscribers subscribers;

  private static volatile Boolean skipLocked;

  /**
   * @param exclude subscriber ids whose local lanes are full
   * @param leaseMarginSeconds added to the subscriber timeout (times the lane depth) for the lease
   */
  public List<Outgoing> claim(String node, int limit, Collection<Long> exclude,
      int leaseMarginSeconds) {
    try (Connection c = dataSource.getConnection()) {
      Instant now = Instant.now();
      List<Long> ids = lockDue(c, now, limit, exclude);
      if (ids.isEmpty()) {
        return List.of();
      }
      Map<Long, Object[]> rows = details(c, ids);
      Map<Long, Subscriber> subs = subscribers.byIds(rows.values().stream()
          .map(r -> (Long) r[1]).collect(Collectors.toSet()));
      Map<Long, Integer> depth = new HashMap<>();
      List<Outgoing> out = new ArrayList<>(ids.size());
      try (PreparedStatement lease = c.prepareStatement(
          "UPDATE aw_delivery SET status = 'PROCESSING', lease_owner = ?, lease_until = ?,"
              + " updated_at = ? WHERE id = ?")) {
        for (Long id : ids) {
          Object[] r = rows.get(id);
          Subscriber s = subs.get((Long) r[1]);
          int position = depth.merge(s.getId(), 1, Integer::sum);
          long waves = 1 + (position - 1) / Math.max(1, s.getMaxConcurrency());
          Instant until = now.plusSeconds(leaseMarginSeconds + waves * s.getTimeoutSeconds());
          lease.setString(1, node);
          lease.setTimestamp(2, Timestamp.from(until));
          lease.setTimestamp(3, Timestamp.from(now));
          lease.setLong(4, id);
          lease.addBatch();
          out.add(outgoing(id, r, s));
        }
        lease.executeBatch();
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("Claiming deliveries failed: " + e.getMessage(), e);
    }
  }

  private List<Long> lockDue(Connection c, Instant now, int limit, Collection<Long> exclude)
      throws SQLException {
    StringBuilder sql = new StringBuilder(
        "SELECT id FROM aw_delivery WHERE ((status IN ('PENDING', 'FAILED') AND next_attempt_at <= ?)"
            + " OR (status = 'PROCESSING' AND lease_until < ?))"
            + " AND subscriber_id NOT IN (SELECT id FROM aw_subscriber WHERE enabled = FALSE)");
    if (!exclude.isEmpty()) {
      sql.append(" AND subscriber_id NOT IN (")
          .append(exclude.stream().map(x -> "?").collect(Collectors.joining(","))).append(')');
    }
    sql.append(" ORDER BY priority_rank, next_attempt_at, id LIMIT ? FOR UPDATE");
    if (skipLocked == null) {
      skipLocked = supportsSkipLocked(c);
    }
    if (skipLocked) {
      sql.append(" SKIP LOCKED");
    }
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      Timestamp ts = Timestamp.from(now);
      int i = 1;
      ps.setTimestamp(i++, ts);
      ps.setTimestamp(i++, ts);
      for (Long x : exclude) {
        ps.setLong(i++, x);
      }
      ps.setInt(i, limit);
      List<Long> ids = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      return ids;
    }
  }

  private static boolean supportsSkipLocked(Connection c) throws SQLException {
    return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
  }

  /** id → {attempts, subscriber_id, next_trigger, uid, payload, model, kind, priority}. */
  private Map<Long, Object[]> details(Connection c, List<Long> ids) throws SQLException {
    String in = ids.stream().map(x -> "?").collect(Collectors.joining(","));
    Map<Long, Object[]> rows = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT d.id, d.attempts, d.subscriber_id, d.next_trigger, e.uid, e.payload, e.model,"
            + " e.kind, e.priority FROM aw_delivery d JOIN aw_event e ON e.id = d.event_id"
            + " WHERE d.id IN (" + in + ")")) {
      for (int i = 0; i < ids.size(); i++) {
        ps.setLong(i + 1, ids.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.put(rs.getLong(1), new Object[] {rs.getInt(2), rs.getLong(3), rs.getString(4),
              rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
              rs.getString(9)});
        }
      }
    }
    return rows;
  }

  private static Outgoing outgoing(long id, Object[] r, Subscriber s) {
    return new Outgoing(id, (String) r[3], (String) r[5], ((String) r[6]).toLowerCase(),
        ((String) r[7]).toLowerCase(), s.getId(), s.getName(), (Integer) r[0] + 1,
        AttemptTrigger.valueOf((String) r[2]), s.getMaxRetries(), s.getMaxConcurrency(),
        s.getEndpointUrl(),
        s.getTimeoutSeconds(), s.isVerifyTls(), Subscribers.requestHeaders(s),
        Subscribers.signingSecrets(s), ((String) r[4]).getBytes(StandardCharsets.UTF_8));
  }
}
