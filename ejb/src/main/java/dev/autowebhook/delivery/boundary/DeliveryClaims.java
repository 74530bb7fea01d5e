package dev.autowebhook.delivery.boundary;

import dev.autowebhook.delivery.control.Lane;
import dev.autowebhook.delivery.control.Outgoing;
import dev.autowebhook.delivery.control.Target;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Claims due deliveries for this node in one short transaction: locks them with
 * {@code FOR UPDATE SKIP LOCKED} (so several nodes never take the same row), marks them
 * {@code processing} with a lease, and returns what is needed to send them. A lease that runs out
 * (a node crashed mid-attempt) makes the row due again for any node.
 *
 * <p>No subscriber takes more than its lane can start soon ({@link Lane#capacity}), so a
 * backlog for one endpoint never crowds the others out of a claim. Batched deliveries are claimed
 * as groups: when the oldest of a group is due (its batch timeout ran out) the waiting siblings
 * come along, and a group that reached its batch size is claimed at once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryClaims {

  /**
   * What one claim returned; {@code more}: the claim was full, so more due work may wait behind
   * it; {@code held}: due work was left because its subscriber's lane had no room.
   */
  public record Claim(List<Outgoing> deliveries, boolean more, boolean held) {}

  @Resource(lookup = SchemaMigration.DATASOURCE)
  DataSource dataSource;

  @Inject Subscribers subscribers;

  private static volatile Boolean skipLocked;

  /**
   * @param exclude subscriber ids whose local lanes are full
   * @param leaseMarginSeconds added to the time the lane needs to send everything claimed
   */
  public Claim claim(String node, int limit, Collection<Long> exclude, int leaseMarginSeconds) {
    try (Connection c = dataSource.getConnection()) {
      if (skipLocked == null) {
        skipLocked = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
      }
      Instant now = Instant.now();
      List<Long> due = lockDue(c, now, limit, exclude);
      Set<Long> ids = new LinkedHashSet<>(due);
      if (batchingInUse(c)) {
        ids.addAll(fullBatches(c, now, exclude));
      }
      if (ids.isEmpty()) {
        return new Claim(List.of(), false, false);
      }
      Map<Long, Row> rows = rows(c, ids);
      List<Long> siblings = siblings(c, now, rows.values()).stream()
          .filter(id -> !rows.containsKey(id)).toList();
      if (!siblings.isEmpty()) {
        rows.putAll(rows(c, siblings));
      }
      Map<Long, Subscriber> subs = subscribers.byIds(rows.values().stream()
          .map(Row::subscriberId).collect(Collectors.toSet()));
      List<Outgoing> out = lease(c, node, now, rows, subs, leaseMarginSeconds);
      return new Claim(out, due.size() >= limit, out.size() < rows.size());
    } catch (SQLException e) {
      throw new IllegalStateException("Claiming deliveries failed: " + e.getMessage(), e);
    }
  }

  private static final String DUE =
      "((status IN ('PENDING', 'FAILED') AND next_attempt_at <= ?)"
          + " OR (status = 'PROCESSING' AND lease_until < ?))"
          + " AND subscriber_id NOT IN (SELECT id FROM aw_subscriber WHERE enabled = FALSE)";

  private List<Long> lockDue(Connection c, Instant now, int limit, Collection<Long> exclude)
      throws SQLException {
    String sql = "SELECT id FROM aw_delivery WHERE " + DUE + notIn(exclude)
        + " ORDER BY priority_rank, next_attempt_at, id LIMIT ?" + forUpdate();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Timestamp ts = Timestamp.from(now);
      int i = 1;
      ps.setTimestamp(i++, ts);
      ps.setTimestamp(i++, ts);
      for (Long x : exclude) {
        ps.setLong(i++, x);
      }
      ps.setInt(i, limit);
      return ids(ps);
    }
  }

  private static boolean batchingInUse(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT COUNT(*) FROM aw_config WHERE batch_enabled = TRUE");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() && rs.getLong(1) > 0;
    }
  }

  /** Pending batched deliveries of groups that already reached their batch size. */
  private List<Long> fullBatches(Connection c, Instant now, Collection<Long> exclude)
      throws SQLException {
    List<Object[]> groups = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT d.subscriber_id, d.batch_key, c.batch_size, COUNT(*) FROM aw_delivery d"
            + " JOIN aw_config c ON c.model = d.batch_key AND c.batch_enabled = TRUE"
            + " WHERE d.status = 'PENDING' AND d.next_attempt_at > ?"
            + " AND d.subscriber_id NOT IN (SELECT id FROM aw_subscriber WHERE enabled = FALSE)"
            + notIn("d.subscriber_id", exclude)
            + " GROUP BY d.subscriber_id, d.batch_key, c.batch_size"
            + " HAVING COUNT(*) >= c.batch_size")) {
      int i = 1;
      ps.setTimestamp(i++, Timestamp.from(now));
      for (Long x : exclude) {
        ps.setLong(i++, x);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          groups.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4)});
        }
      }
    }
    List<Long> ids = new ArrayList<>();
    for (Object[] g : groups) {
      int size = (Integer) g[2];
      long full = ((Long) g[3]) / size;
      ids.addAll(waiting(c, now, (Long) g[0], (String) g[1], (int) (full * size)));
    }
    return ids;
  }

  /** The not-yet-due siblings that fill up the batches of claimed batched deliveries. */
  private List<Long> siblings(Connection c, Instant now, Collection<Row> claimed)
      throws SQLException {
    Map<List<Object>, Integer> counts = new LinkedHashMap<>();
    Map<List<Object>, Integer> sizes = new HashMap<>();
    for (Row r : claimed) {
      if (r.batchKey() != null && r.batchSize() > 0) {
        List<Object> key = List.of(r.subscriberId(), r.batchKey());
        counts.merge(key, 1, Integer::sum);
        sizes.put(key, r.batchSize());
      }
    }
    List<Long> ids = new ArrayList<>();
    for (Map.Entry<List<Object>, Integer> e : counts.entrySet()) {
      int size = sizes.get(e.getKey());
      int missing = (size - e.getValue() % size) % size;
      if (missing > 0) {
        ids.addAll(waiting(c, now, (Long) e.getKey().get(0), (String) e.getKey().get(1),
            missing));
      }
    }
    return ids;
  }

  private List<Long> waiting(Connection c, Instant now, long subscriberId, String batchKey,
      int limit) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id FROM aw_delivery WHERE subscriber_id = ? AND batch_key = ?"
            + " AND status = 'PENDING' AND next_attempt_at > ? ORDER BY id LIMIT ?"
            + forUpdate())) {
      ps.setLong(1, subscriberId);
      ps.setString(2, batchKey);
      ps.setTimestamp(3, Timestamp.from(now));
      ps.setInt(4, limit);
      return ids(ps);
    }
  }

  /** One claimed row with what sending it needs from the event and the config. */
  private record Row(long id, int attempts, long subscriberId, String nextTrigger, String uid,
      String body, String model, String kind, String priority, String batchKey, int batchSize) {}

  private Map<Long, Row> rows(Connection c, Collection<Long> ids) throws SQLException {
    String in = ids.stream().map(x -> "?").collect(Collectors.joining(","));
    Map<Long, Row> rows = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT d.id, d.attempts, d.subscriber_id, d.next_trigger, e.uid,"
            + " COALESCE(d.body, e.payload), e.model, e.kind, e.priority, c.model, c.batch_size"
            + " FROM aw_delivery d JOIN aw_event e ON e.id = d.event_id"
            + " LEFT JOIN aw_config c ON c.model = d.batch_key AND c.batch_enabled = TRUE"
            + " WHERE d.id IN (" + in + ")")) {
      int i = 1;
      for (Long id : ids) {
        ps.setLong(i++, id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.put(rs.getLong(1), new Row(rs.getLong(1), rs.getInt(2), rs.getLong(3),
              rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
              rs.getString(8), rs.getString(9), rs.getString(10), rs.getInt(11)));
        }
      }
    }
    Map<Long, Row> ordered = new LinkedHashMap<>();
    for (Long id : ids) {
      Row r = rows.get(id);
      if (r != null) {
        ordered.put(id, r);
      }
    }
    return ordered;
  }

  /**
   * Leases the rows each subscriber's lane can start within about one lease, longest for the
   * last in line (concurrency waves × timeout, plus rate-limit windows); the rest stay due.
   */
  private List<Outgoing> lease(Connection c, String node, Instant now, Map<Long, Row> rows,
      Map<Long, Subscriber> subs, int leaseMarginSeconds) throws SQLException {
    Map<Long, Integer> depth = new HashMap<>();
    List<Outgoing> out = new ArrayList<>(rows.size());
    try (PreparedStatement lease = c.prepareStatement(
        "UPDATE aw_delivery SET status = 'PROCESSING', lease_owner = ?, lease_until = ?,"
            + " updated_at = ? WHERE id = ?")) {
      for (Row r : rows.values()) {
        Subscriber s = subs.get(r.subscriberId());
        if (s == null) {
          continue;
        }
        int perRequest = r.batchKey() == null ? 1 : Math.max(1, r.batchSize());
        int position = depth.merge(s.getId(), 1, Integer::sum);
        if (position > Lane.capacity(s.getMaxConcurrency(), s.getRateLimit(), perRequest)) {
          continue; // stays due: another claim (or node) takes it when the lane has room
        }
        long request = (position - 1) / perRequest;
        long waves = 1 + request / Math.max(1, s.getMaxConcurrency());
        long rateWait = s.getRateLimit() > 0
            ? request / s.getRateLimit() * (long) s.getRateLimitWindowSeconds() : 0;
        Instant until = now.plusSeconds(leaseMarginSeconds + waves * s.getTimeoutSeconds()
            + rateWait);
        lease.setString(1, node);
        lease.setTimestamp(2, Timestamp.from(until));
        lease.setTimestamp(3, Timestamp.from(now));
        lease.setLong(4, r.id());
        lease.addBatch();
        Outgoing o = Outgoing.single(r.id(), r.uid(), r.model().toLowerCase(),
            r.kind().toLowerCase(), r.priority().toLowerCase(), r.attempts() + 1,
            AttemptTrigger.valueOf(r.nextTrigger()), target(s),
            r.body().getBytes(StandardCharsets.UTF_8));
        out.add(r.batchKey() == null ? o : o.inBatch(r.batchKey(), r.batchSize()));
      }
      lease.executeBatch();
    }
    return out;
  }

  static Target target(Subscriber s) {
    return new Target(s.getId(), s.getName(), s.getKind(), s.getEndpointUrl(),
        s.getJmsDestination(), s.getTimeoutSeconds(), s.isVerifyTls(),
        Subscribers.requestHeaders(s), Subscribers.signingSecrets(s), s.getMaxRetries(),
        s.getMaxConcurrency(), s.getRateLimit(), s.getRateLimitWindowSeconds());
  }

  private static String notIn(Collection<Long> exclude) {
    return notIn("subscriber_id", exclude);
  }

  private static String notIn(String column, Collection<Long> exclude) {
    return exclude.isEmpty() ? ""
        : " AND " + column + " NOT IN ("
            + exclude.stream().map(x -> "?").collect(Collectors.joining(",")) + ")";
  }

  private static String forUpdate() {
    return Boolean.TRUE.equals(skipLocked) ? " FOR UPDATE SKIP LOCKED" : " FOR UPDATE";
  }

  private static List<Long> ids(PreparedStatement ps) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }
}
