package dev.autowebhook.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Postgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Events-list benchmark (run with {@code -Pbench}): 100k deliveries written directly in
 * PostgreSQL, then {@code GET /api/v1/admin/events?limit=50} (the boundary query behind the events
 * and dead-letter pages) timed with and without filters, first with the V7 list index and then
 * with it dropped, so the table shows what it buys. The table is vacuumed after the load so
 * that autovacuum does not run in the middle of a measurement.
 */
class EventsListBenchmark {

  static final String[] MODELS = {"sale.order", "res.partner", "product.template"};
  static final String[] V7 = {"aw_delivery_created_ix"};

  @Test
  void list() throws Exception {
    int rows = Integer.getInteger("bench.deliveries", 100_000);
    int runs = Integer.getInteger("bench.runs", 200);
    Postgres pg = Postgres.instance();
    String db = "eventsbench_" + System.nanoTime();
    AppServer server = AppServer.builder("eventsbench")
        .database(pg.createDatabase(db), pg.user(), pg.password()).jvmArg("-Xmx1g").build()
        .start();
    try {
      Api api = server.admin();
      long[] subs = new long[5];
      for (int i = 0; i < subs.length; i++) {
        subs[i] = api.post("/api/v1/admin/subscribers", Json.obj().add("name", "bench-" + i)
                .add("endpoint_url", "http://127.0.0.1:9/none").add("enabled", false).build())
            .expect(201).json().getJsonNumber("id").longValue();
      }
      Instant start = Instant.now().minus(rows, ChronoUnit.SECONDS);
      long t0 = System.nanoTime();
      insert(pg, db, rows, subs, start);
      double insertSeconds = (System.nanoTime() - t0) / 1e9;

      Instant mid = start.plusSeconds(rows / 2);
      Map<String, String> queries = new LinkedHashMap<>();
      queries.put("no filter", "");
      queries.put("no filter, page 1000 (offset 49950)", "&offset=49950");
      queries.put("status=dead (1 %)", "&status=dead");
      queries.put("subscriber_id (20 %)", "&subscriber_id=" + subs[2]);
      queries.put("model=sale.order (33 %)", "&model=sale.order");
      queries.put("since/until: one hour, mid-table", "&since=" + mid + "&until="
          + mid.plusSeconds(3600));
      queries.put("dead letters of one subscriber", "&status=dead&subscriber_id=" + subs[0]);

      StringBuilder table = new StringBuilder(String.format(Locale.ROOT, """
          Events list benchmark (PostgreSQL, Payara Micro): %d deliveries, GET \
          /api/v1/admin/events?limit=50, %d runs each (page query + count)
          | filter                               | V7 p50 ms | V7 p95 ms | no V7 p50 | no V7 p95 |
          |--------------------------------------|-----------|-----------|-----------|-----------|
          """, rows, runs));
      for (String warm : queries.values()) {
        time(api, warm, runs / 2);
      }
      Map<String, double[]> with = new LinkedHashMap<>();
      for (var q : queries.entrySet()) {
        with.put(q.getKey(), time(api, q.getValue(), runs));
      }
      try (Connection c = pg.connect(db); Statement s = c.createStatement()) {
        for (String ix : V7) {
          s.execute("DROP INDEX " + ix);
        }
        s.execute("VACUUM ANALYZE aw_delivery");
      }
      for (var q : queries.entrySet()) {
        double[] w = with.get(q.getKey());
        double[] wo = time(api, q.getValue(), runs);
        table.append(String.format(Locale.ROOT, "| %-36s | %9.1f | %9.1f | %9.1f | %9.1f |%n",
            q.getKey(), w[0], w[1], wo[0], wo[1]));
      }
      table.append(String.format(Locale.ROOT, "(direct insert of the rows took %.1f s)%n",
          insertSeconds));
      System.out.println(table);
      Path out = Path.of(System.getProperty("it.work.dir", "target/it"), "..",
          "bench-events-list-result.md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, table);
      assertThat(api.get("/api/v1/admin/events?limit=1").expect(200).json()
          .getJsonNumber("total").longValue()).isEqualTo(rows);
    } finally {
      server.stop();
    }
  }

  /** p50 and p95 in ms of the query after a warm-up. */
  private static double[] time(Api api, String filter, int runs) {
    for (int i = 0; i < 10; i++) {
      api.get("/api/v1/admin/events?limit=50" + filter).expect(200);
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      api.get("/api/v1/admin/events?limit=50" + filter).expect(200);
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    return new double[] {ms[runs / 2], ms[(int) Math.ceil(runs * 0.95) - 1]};
  }

  /** Events and their deliveries, one second apart: 1 % dead, the rest sent. */
  private static void insert(Postgres pg, String db, int n, long[] subs, Instant start)
      throws Exception {
    try (Connection c = pg.connect(db)) {
      c.setAutoCommit(false);
      try (PreparedStatement ev = c.prepareStatement("INSERT INTO aw_event (id, uid, model,"
          + " record_id, kind, priority, category, occurred_at, payload, feed_seq) VALUES"
          + " (?, ?, ?, ?, 'UPDATE', 'MEDIUM', 'bench', ?, ?, ?)");
          PreparedStatement de = c.prepareStatement("INSERT INTO aw_delivery (id, event_id,"
              + " subscriber_id, status, priority_rank, attempts, next_attempt_at, next_trigger,"
              + " last_status_code, last_error, sent_at, created_at, updated_at) VALUES"
              + " (?, ?, ?, ?, 2, 1, ?, 'AUTOMATIC', ?, ?, ?, ?, ?)")) {
        for (int i = 1; i <= n; i++) {
          long id = 60_000_000L + i;
          Timestamp at = Timestamp.from(start.plusSeconds(i));
          String uid = "evt_list_" + i;
          String model = MODELS[i % MODELS.length];
          ev.setLong(1, id);
          ev.setString(2, uid);
          ev.setString(3, model);
          ev.setString(4, Integer.toString(i));
          ev.setTimestamp(5, at);
          ev.setString(6, "{\"id\":\"" + uid + "\",\"model\":\"" + model + "\",\"record_id\":" + i
              + ",\"event\":\"update\",\"data\":{\"id\":" + i + "},\"changes\":{}}");
          ev.setLong(7, 1_000_000L + i);
          ev.addBatch();
          boolean dead = i % 100 == 0;
          de.setLong(1, id);
          de.setLong(2, id);
          de.setLong(3, subs[i % subs.length]);
          de.setString(4, dead ? "DEAD" : "SENT");
          de.setTimestamp(5, at);
          de.setInt(6, dead ? 500 : 200);
          de.setString(7, dead ? "HTTP 500" : null);
          de.setTimestamp(8, dead ? null : at);
          de.setTimestamp(9, at);
          de.setTimestamp(10, at);
          de.addBatch();
          if (i % 1000 == 0) {
            ev.executeBatch();
            de.executeBatch();
            c.commit();
          }
        }
        ev.executeBatch();
        de.executeBatch();
        c.commit();
      }
      try (Statement s = c.createStatement()) {
        c.setAutoCommit(true);
        s.execute("VACUUM ANALYZE aw_event");
        s.execute("VACUUM ANALYZE aw_delivery");
      }
    }
  }
}
