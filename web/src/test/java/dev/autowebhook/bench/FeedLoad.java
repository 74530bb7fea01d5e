package dev.autowebhook.bench;

import dev.autowebhook.it.support.Poll;
import dev.autowebhook.it.support.Postgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Fills the outbox of a benchmark database with partner update events written directly (the feed
 * pump numbers them like any other), and scans the feed the way the API does, in plain JDBC: the
 * baseline of the pull-feed figure.
 */
final class FeedLoad {

  private FeedLoad() {}

  static void insert(Postgres pg, String db, int n) throws SQLException {
    String data = "{\"id\":%d,\"name\":\"Partner %d\",\"email\":\"p%d@example.com\","
        + "\"street\":\"1 Long Road\",\"city\":\"Springfield\",\"zip\":\"12345\","
        + "\"country_code\":\"US\",\"customer_rank\":1,\"supplier_rank\":0,\"active\":true}";
    try (Connection c = pg.connect(db); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO aw_event (id, uid, model, record_id, kind, priority, category, occurred_at,"
            + " payload) VALUES (?, ?, 'res.partner', ?, 'UPDATE', 'MEDIUM', 'contacts', ?, ?)")) {
      c.setAutoCommit(false);
      Timestamp now = Timestamp.from(Instant.now());
      for (int i = 1; i <= n; i++) {
        String uid = String.format("evt_%032x", 0xfeedL << 40 | i);
        ps.setLong(1, 50_000_000L + i);
        ps.setString(2, uid);
        ps.setString(3, Integer.toString(i));
        ps.setTimestamp(4, now);
        ps.setString(5, "{\"id\":\"" + uid + "\",\"model\":\"res.partner\",\"record_id\":" + i
            + ",\"event\":\"update\",\"timestamp\":\"" + now.toInstant() + "\",\"priority\":"
            + "\"medium\",\"category\":\"contacts\",\"data\":" + String.format(data, i, i, i)
            + ",\"changes\":{\"city\":{\"old\":\"Shelbyville\",\"new\":\"Springfield\"}}}");
        ps.addBatch();
        if (i % 1000 == 0) {
          ps.executeBatch();
          c.commit();
        }
      }
      ps.executeBatch();
      c.commit();
    }
  }

  /** Waits until the sequencer numbered every event; returns how many events there are. */
  static long awaitNumbered(Postgres pg, String db) {
    Poll.until(Duration.ofMinutes(5), "all events numbered", () -> count(pg, db,
        "SELECT COUNT(*) FROM aw_event WHERE feed_seq IS NULL"), n -> n == 0);
    return count(pg, db, "SELECT COUNT(*) FROM aw_event");
  }

  static long count(Postgres pg, String db, String sql) {
    try (Connection c = pg.connect(db); PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The feed's keyset scan in plain JDBC from this JVM; returns the rows read. */
  static long rawScan(Postgres pg, String db, int pageSize) throws SQLException {
    long rows = 0;
    long cursor = 0;
    try (Connection c = pg.connect(db); PreparedStatement ps = c.prepareStatement(
        "SELECT feed_seq, payload FROM aw_event WHERE feed_seq > ? ORDER BY feed_seq LIMIT ?")) {
      while (true) {
        ps.setLong(1, cursor);
        ps.setInt(2, pageSize);
        int n = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            cursor = rs.getLong(1);
            rs.getString(2);
            n++;
          }
        }
        rows += n;
        if (n < pageSize) {
          return rows;
        }
      }
    }
  }
}
