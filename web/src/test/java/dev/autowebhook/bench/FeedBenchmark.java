package dev.autowebhook.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Poll;
import dev.autowebhook.it.support.Postgres;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pull-feed benchmark (run with {@code -Pbench}): 100k events in the outbox of a PostgreSQL
 * database (written directly, numbered by the application's sequencer), then one client pulls
 * them all through {@code GET /api/v1/webhooks/events} in pages of 500. The baseline, in the
 * same run, is the same keyset scan in plain JDBC from the benchmark JVM: what the API adds.
 */
class FeedBenchmark {

  @Test
  void pull() throws Exception {
    int events = Integer.getInteger("bench.feedEvents", 100_000);
    int pageSize = Integer.getInteger("bench.feedPage", 500);
    Postgres pg = Postgres.instance();
    String db = "feedbench_" + System.nanoTime();
    AppServer server = AppServer.builder("feedbench")
        .database(pg.createDatabase(db), pg.user(), pg.password()).jvmArg("-Xmx1g").build()
        .start();
    try {
      Api api = server.admin();
      long t0 = System.nanoTime();
      insert(pg, db, events);
      double insertSeconds = (System.nanoTime() - t0) / 1e9;
      long t1 = System.nanoTime();
      Poll.until(Duration.ofMinutes(5), "all events numbered", () -> unnumbered(pg, db),
          n -> n == 0);
      double numberSeconds = (System.nanoTime() - t1) / 1e9;

      long s0 = System.nanoTime();
      Set<String> ids = new HashSet<>();
      String cursor = "0";
      int pages = 0;
      while (true) {
        JsonObject p = api.get("/api/v1/webhooks/events?limit=" + pageSize + "&after=" + cursor)
            .expect(200).json();
        p.getJsonArray("events").forEach(e -> ids.add(e.asJsonObject().getString("id")));
        cursor = p.getString("next_cursor");
        pages++;
        if (!p.getBoolean("has_more")) {
          break;
        }
      }
      double apiSeconds = (System.nanoTime() - s0) / 1e9;

      long b0 = System.nanoTime();
      long rows = rawScan(pg, db, pageSize);
      double rawSeconds = (System.nanoTime() - b0) / 1e9;

      String table = String.format(Locale.ROOT, """
          Pull-feed benchmark (PostgreSQL 14, Payara Micro), %d events, pages of %d
          | step                                              | value        |
          |---------------------------------------------------|--------------|
          | numbering by the feed sequencer                   | %9.0f/s  |
          | one client, GET /api/v1/webhooks/events (%4d pages) | %9.0f/s  |
          | baseline: same keyset scan in plain JDBC          | %9.0f/s  |
          | API / baseline                                    | %9.2f×   |
          (direct insert of the events took %.1f s)
          """, events, pageSize, events / numberSeconds, pages, events / apiSeconds,
          rows / rawSeconds, (events / apiSeconds) / (rows / rawSeconds), insertSeconds);
      System.out.println(table);
      Path out = Path.of(System.getProperty("it.work.dir", "target/it"), "..",
          "bench-feed-result.md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, table);
      assertThat(ids).as("every event exactly once").hasSize(events);
    } finally {
      server.stop();
    }
  }

  private static void insert(Postgres pg, String db, int n) throws Exception {
    String data = "{\"id\":%d,\"name\":\"Partner %d\",\"email\":\"p%d@example.com\","
        + "\"street\":\"1 Long Road\",\"city\":\"Springfield\",\"zip\":\"12345\","
        + "\"country_code\":\"US\",\"customer_rank\":1,\"supplier_rank\":0,\"active\":true}";
    try (Connection c = pg.connect(db)) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO aw_event (id, uid, model,"
          + " record_id, kind, priority, category, occurred_at, payload) VALUES"
          + " (?, ?, 'res.partner', ?, 'UPDATE', 'MEDIUM', 'contacts', ?, ?)")) {
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 1; i <= n; i++) {
          String uid = "evt_bench_" + i;
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
  }

  private static long unnumbered(Postgres pg, String db) {
    try (Connection c = pg.connect(db); PreparedStatement ps = c.prepareStatement(
        "SELECT COUNT(*) FROM aw_event WHERE feed_seq IS NULL"); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long rawScan(Postgres pg, String db, int pageSize) throws Exception {
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
