package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Poll;
import dev.autowebhook.it.support.Postgres;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pull feed and Smart Sync on a server of their own (this class installs a test trigger in its
 * database and runs retention): stable paging with filters, no skipped event when transactions
 * commit out of order, per-device cursors and statistics, retention that keeps what devices need.
 */
class FeedIT {

  static final Duration WAIT = Duration.ofSeconds(30);
  static final String DB = "feed";
  static AppServer server;
  static Api api;

  @BeforeAll
  static void start() {
    Postgres pg = Postgres.instance();
    server = AppServer.builder("feed").database(pg.createDatabase(DB), pg.user(), pg.password())
        .build().start();
    api = server.admin();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static JsonObject page(String query) {
    return api.get("/api/v1/webhooks/events?" + query).expect(200).json();
  }

  static List<JsonObject> events(JsonObject page) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonValue v : page.getJsonArray("events")) {
      out.add(v.asJsonObject());
    }
    return out;
  }

  /** Everything from {@code after} to the end, page by page. */
  static List<JsonObject> drain(String after, String filter, int limit) {
    List<JsonObject> all = new ArrayList<>();
    String cursor = after;
    while (true) {
      JsonObject p = page("limit=" + limit + "&after=" + cursor + filter);
      all.addAll(events(p));
      cursor = p.getString("next_cursor");
      if (!p.getBoolean("has_more")) {
        return all;
      }
    }
  }

  static String drainHead() {
    JsonObject p = page("limit=1000&after=0");
    String cursor = p.getString("next_cursor");
    while (p.getBoolean("has_more")) {
      p = page("limit=1000&after=" + cursor);
      cursor = p.getString("next_cursor");
    }
    return cursor;
  }

  /** The feed head once {@code n} events of partners named {@code tag…} are in the feed. */
  static String settled(String tag, int n) {
    Poll.until(WAIT, n + " events of " + tag, () -> drain("0", "&models=res.partner", 1000),
        l -> l.stream().filter(e -> e.getJsonObject("data").getString("name", "")
            .startsWith(tag)).count() >= n);
    return drainHead();
  }

  long partners(String prefix, int n) {
    JsonArrayBuilder b = Json.arr();
    for (int i = 0; i < n; i++) {
      b.add(Json.obj().add("name", prefix + "-" + i));
    }
    api.post("/api/v1/partners/batch", b.build().toString()).expect(200);
    return n;
  }

  @Test
  void pagesAreStableFiltersApplyToHasMoreAndBadParametersAre400() {
    String start = drainHead();
    String tag = Fixtures.unique("Page");
    partners(tag, 7);
    long partner = new Fixtures(api).partner(tag + "-p");
    new Fixtures(api).saleOrder(tag + "-so", partner);

    List<JsonObject> all = Poll.until(WAIT, "9 new events", () -> drain(start, "", 3),
        l -> l.size() >= 9);
    assertThat(all).extracting(e -> Long.parseLong(e.getString("cursor"))).isSorted()
        .doesNotHaveDuplicates();
    assertThat(drain(start, "", 2)).as("same order on a second read").isEqualTo(all);

    List<JsonObject> orders = drain(start, "&models=sale.order", 1);
    assertThat(orders).extracting(e -> e.getString("model")).containsOnly("sale.order");
    JsonObject one = page("limit=1&after=" + start + "&models=sale.order");
    assertThat(one.getBoolean("has_more")).as("one sale order only").isFalse();
    JsonObject high = page("limit=1000&after=" + start + "&priority=high");
    assertThat(events(high)).extracting(e -> e.getString("priority")).containsOnly("high");
    assertThat(events(page("limit=1000&after=" + start + "&priority=medium,low")))
        .extracting(e -> e.getString("model")).doesNotContain("sale.order");
    JsonObject tail = page("limit=1000&after=" + all.get(all.size() - 1).getString("cursor")
        + "&models=sale.order");
    assertThat(tail.getBoolean("has_more")).isFalse();

    for (String bad : List.of("limit=0", "limit=-1", "limit=1001", "after=abc", "after=-5",
        "models=no.such.model", "priority=urgent")) {
      JsonObject problem = ValidationIT.problem(api.get("/api/v1/webhooks/events?" + bad), 400);
      assertThat(problem.getString("detail")).isNotBlank();
    }
  }

  @Test
  void aTransactionThatCommitsLateIsNeverSkipped() throws Exception {
    Postgres pg = Postgres.instance();
    try (Connection c = pg.connect(DB); Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE FUNCTION aw_test_slow() RETURNS trigger AS $$ BEGIN"
          + " IF NEW.payload LIKE '%SLOW-%' THEN PERFORM pg_sleep(1.5); END IF; RETURN NEW; END"
          + " $$ LANGUAGE plpgsql");
      s.execute("CREATE TRIGGER aw_test_slow BEFORE INSERT ON aw_event FOR EACH ROW"
          + " EXECUTE FUNCTION aw_test_slow()");
    }
    String start = drainHead();
    String tag = Fixtures.unique("Race");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    AtomicBoolean writing = new AtomicBoolean(true);
    List<JsonObject> seen = new ArrayList<>();
    try {
      Future<?> puller = pool.submit(() -> {
        String cursor = start;
        while (true) {
          boolean last = !writing.get();
          JsonObject p = page("limit=5&after=" + cursor);
          synchronized (seen) {
            seen.addAll(events(p));
          }
          cursor = p.getString("next_cursor");
          if (last && !p.getBoolean("has_more")) {
            return null;
          }
        }
      });
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        int writer = w;
        writers.add(pool.submit(() -> {
          for (int i = 0; i < 4; i++) {
            String name = (i == 1 ? "SLOW-" : "") + tag + "-" + writer + "-" + i;
            api.post("/api/v1/partners", Json.obj().add("name", name).build()).expect(201);
          }
          return null;
        }));
      }
      for (int i = 0; i < 15; i++) {
        Thread.sleep(100);
        api.post("/api/v1/partners", Json.obj().add("name", tag + "-fast-" + i).build())
            .expect(201);
      }
      for (Future<?> f : writers) {
        f.get();
      }
      Thread.sleep(300); // let the sequencer number the last commit
      writing.set(false);
      puller.get();
    } finally {
      pool.shutdownNow();
      try (Connection c = pg.connect(DB); Statement s = c.createStatement()) {
        s.execute("DROP TRIGGER aw_test_slow ON aw_event");
      }
    }

    List<JsonObject> mine = seen.stream()
        .filter(e -> e.getJsonObject("data").getString("name", "").contains(tag)).toList();
    assertThat(mine).as("every committed event exactly once").hasSize(12 + 15)
        .extracting(e -> e.getString("id")).doesNotHaveDuplicates();
    assertThat(seen).extracting(e -> Long.parseLong(e.getString("cursor"))).isSorted();
    Map<String, Long> ids = eventIds();
    long lateCommits = 0;
    long maxIdSoFar = 0;
    for (JsonObject e : mine) {
      long id = ids.get(e.getString("id"));
      if (id < maxIdSoFar) {
        lateCommits++; // an id-ordered cursor would have skipped this one
      }
      maxIdSoFar = Math.max(maxIdSoFar, id);
    }
    System.out.printf("[figures] feed race: %d events, %d committed after a higher id was"
        + " already read%n", mine.size(), lateCommits);
    assertThat(lateCommits).as("the test really committed out of id order").isPositive();
  }

  static Map<String, Long> eventIds() throws SQLException {
    Map<String, Long> out = new HashMap<>();
    try (Connection c = Postgres.instance().connect(DB); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT uid, id FROM aw_event")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    }
    return out;
  }

  JsonObject register(String device, String appType) {
    return api.post("/api/v1/webhooks/sync-state", Json.obj().add("device_id", device)
        .add("app_type", appType).add("device_info", "Pixel 9").add("app_version", "2.1.0")
        .build()).expect(200).json();
  }

  @Test
  void aDeviceGetsItsAppsModelsAndItsCursorOnlyMovesForward() {
    String device = Fixtures.unique("dev");
    JsonObject state = register(device, "delivery");
    long id = state.getJsonNumber("id").longValue();
    assertThat(register(device, "delivery").getJsonNumber("id").longValue())
        .as("get-or-create").isEqualTo(id);
    assertThat(state.getString("cursor")).isEqualTo("0");
    assertThat(state.getJsonArray("models").toString()).contains("stock.picking")
        .doesNotContain("sale.order");
    String start = drainHead();
    api.post("/api/v1/webhooks/sync-state/" + id + "/reset",
        Json.obj().add("cursor", start).build()).expect(200);

    String tag = Fixtures.unique("Dev");
    long partner = new Fixtures(api).partner(tag);
    new Fixtures(api).saleOrder(tag + "-so", partner);
    List<JsonObject> got = Poll.until(WAIT, "the partner in the device feed",
        () -> events(page("device_id=" + id + "&limit=1000")), l -> !l.isEmpty());
    assertThat(got).extracting(e -> e.getString("model")).containsOnly("res.partner");
    ValidationIT.problem(api.get("/api/v1/webhooks/events?device_id=" + id
        + "&models=sale.order"), 400);

    String cursor = got.get(got.size() - 1).getString("cursor");
    JsonObject acked = api.post("/api/v1/webhooks/sync-state/" + id + "/ack",
        Json.obj().add("cursor", cursor).build()).expect(200).json();
    assertThat(acked.getString("cursor")).isEqualTo(cursor);
    assertThat(acked.getJsonNumber("events_synced").longValue()).isEqualTo(got.size());
    assertThat(acked.getJsonNumber("sync_count").longValue()).isEqualTo(1);
    assertThat(events(page("device_id=" + id))).as("nothing new after the ack").isEmpty();

    ValidationIT.problem(api.post("/api/v1/webhooks/sync-state/" + id + "/ack",
        Json.obj().add("cursor", start).build()), 409);
    ValidationIT.problem(api.post("/api/v1/webhooks/sync-state/" + id + "/ack",
        Json.obj().add("cursor", "999999999").build()), 400);
    ValidationIT.problem(api.post("/api/v1/webhooks/sync-state",
        Json.obj().add("device_id", "x").add("app_type", "tablet").build()), 400);

    JsonObject reset = api.post("/api/v1/webhooks/sync-state/" + id + "/reset",
        Json.obj().add("cursor", "0").build()).expect(200).json();
    assertThat(reset.getString("cursor")).isEqualTo("0");
    api.post("/api/v1/webhooks/sync-state/" + id + "/deactivate", "").expect(200);
    ValidationIT.problem(api.post("/api/v1/webhooks/sync-state/" + id + "/ack",
        Json.obj().add("cursor", cursor).build()), 409);

    JsonObject stats = api.get("/api/v1/webhooks/sync-state/stats").expect(200).json();
    assertThat(stats.getJsonArray("by_app_type").toString()).contains("\"delivery\"");
    assertThat(stats.getJsonArray("by_user").toString()).contains("\"admin\"");
    assertThat(api.get("/api/v1/admin/audit?action=sync.reset").expect(200).body())
        .contains("\"" + id + "\"");
  }

  @Test
  void retentionKeepsWhatAnActiveDeviceStillNeedsUntilTheHardLimit() {
    String tag = Fixtures.unique("Old");
    partners(tag + "-a", 5);
    String middle = settled(tag, 5);
    partners(tag + "-b", 5);
    String end = settled(tag, 10);
    JsonObject device = register(Fixtures.unique("keeper"), "manager");
    long id = device.getJsonNumber("id").longValue();
    api.post("/api/v1/webhooks/sync-state/" + id + "/reset",
        Json.obj().add("cursor", middle).build()).expect(200);
    Poll.until(WAIT, "deliveries done", () -> api.get("/api/v1/admin/events?status=pending"
        + "&limit=1").expect(200).json().getInt("total")
        + api.get("/api/v1/admin/events?status=processing&limit=1").expect(200).json()
        .getInt("total"), n -> n == 0);

    ValidationIT.problem(api.post("/api/v1/admin/feed/retention", Json.obj()
        .add("retention_seconds", 100).add("hard_limit_seconds", 10).build()), 400);
    JsonObject first = api.post("/api/v1/admin/feed/retention", Json.obj()
        .add("retention_seconds", 0).add("hard_limit_seconds", 3600).build()).expect(200).json();
    assertThat(first.getJsonNumber("archived").longValue()).isPositive();
    assertThat(drain("0", "", 1000)).as("only what the device still needs")
        .allMatch(e -> Long.parseLong(e.getString("cursor")) > Long.parseLong(middle))
        .extracting(e -> e.getJsonObject("data").getString("name", ""))
        .filteredOn(n -> n.startsWith(tag)).hasSize(5).allMatch(n -> n.contains("-b-"));

    api.post("/api/v1/admin/feed/retention", Json.obj().add("retention_seconds", 0)
        .add("hard_limit_seconds", 0).build()).expect(200);
    assertThat(drain("0", "", 1000)).as("the hard limit wins").isEmpty();
    assertThat(end).isNotEqualTo(middle);
  }
}
