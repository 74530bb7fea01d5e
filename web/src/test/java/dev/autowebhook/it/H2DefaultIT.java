package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.ApiResponse;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Browser;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Poll;
import dev.autowebhook.it.support.ReadAll;
import dev.autowebhook.it.support.Receiver;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The embedded default database is tested like PostgreSQL: one server started the way a new
 * user's {@code ./run.sh} starts it (the same WAR and pre- and post-boot files, no {@code AUTOWEBHOOK_DB_*}
 * at all, so the H2 file database {@code ./data/autowebhook} in a directory of its own). Data of
 * every kind is created through the API (a record of each model, deliveries with attempts to a
 * loopback receiver and to the built-in inbox, a dead letter, a template, a user with an API token
 * and two devices of hers, a run of each job), then every GET operation of the OpenAPI document is
 * made (with real ids, and with the filters of the lists) and every admin page is opened in the
 * browser (with real ids, and its main filters and paging). Every failure is collected, so one
 * run lists them all.
 */
class H2DefaultIT {

  static final Duration WAIT = Duration.ofSeconds(60);
  static final List<String> COLLECTIONS = RoleMatrixIT.COLLECTIONS;

  static AppServer server;
  static Receiver receiver;
  static Api api;
  static Api sync;
  static final ReadAll reads = new ReadAll();
  /** Extra reads with the filters of the list operations. */
  static final List<String> filtered = new ArrayList<>();
  static String subscriberName;
  static long sentDelivery;
  static long deadDelivery;
  static long activeDevice;
  static long inactiveDevice;
  /** device_id of each device: active, deactivated. */
  static final List<String> deviceNames = new ArrayList<>();
  static String syncUser;
  /** Job execution id -> its final status. */
  static final Map<Long, String> jobRuns = new LinkedHashMap<>();

  @BeforeAll
  static void startAndFill() {
    server = AppServer.builder("h2-default").embeddedDatabase().build().start();
    receiver = Receiver.start();
    api = server.admin();
    assertThat(server.env()).as("no database settings").noneSatisfy((k, v) ->
        assertThat(k).startsWith("AUTOWEBHOOK_DB_"));
    assertThat(server.directory().resolve("data").resolve("autowebhook.mv.db"))
        .as("the default H2 file database, relative to the working directory").exists();
    Instant since = Instant.now().minusSeconds(60);
    Fixtures fx = new Fixtures(api); // never closed: the server and its database are thrown away

    // subscribers: one the receiver accepts, one it refuses (a dead letter after its one try)
    String ok = Receiver.newPath();
    String refused = Receiver.newPath();
    receiver.setDefault(refused, Receiver.Reply.status(500));
    JsonObject good = fx.subscriber(receiver.url(ok), null);
    subscriberName = good.getString("name");
    long goodId = good.getJsonNumber("id").longValue();
    long badId = fx.subscriber(receiver.url(refused), Json.obj().add("max_retries", 0))
        .getJsonNumber("id").longValue();
    fx.attach("res.partner", goodId);
    fx.attach("res.partner", badId);
    api.post("/api/v1/admin/subscribers/" + goodId + "/test", "").expect(200);

    // a record of every model (the partner is delivered to both subscribers and to the inbox)
    Map<String, Long> records = records(fx);
    sentDelivery = fx.awaitDelivery(goodId, "sent", WAIT).getJsonNumber("id").longValue();
    deadDelivery = fx.awaitDelivery(badId, "dead", WAIT).getJsonNumber("id").longValue();
    Poll.until(WAIT, "a message in the inbox", () -> api.get("/api/v1/admin/inbox").expect(200)
        .body(), body -> body.contains("res.partner"));

    long template = api.post("/api/v1/admin/templates", Json.obj()
        .add("name", Fixtures.unique("tpl")).add("body", TemplatesIT.BODY).build())
        .expect(201).json().getJsonNumber("id").longValue();
    long config = fx.config("sale.order").getJsonNumber("id").longValue();
    fx.configure("sale.order", Json.obj().add("template_id", template));

    // a user with an API token and two devices, one that read and acknowledged, one deactivated
    syncUser = Fixtures.unique("h2user");
    api.post("/api/v1/admin/users", Json.obj().add("username", syncUser)
        .add("password", Fixtures.unique("pw-h2default")).add("role", "sync-client").build())
        .expect(201);
    JsonObject issued = api.post("/api/v1/admin/tokens", Json.obj().add("username", syncUser)
        .add("name", "phone").build()).expect(201).json();
    long token = issued.getJsonNumber("id").longValue();
    sync = server.anonymous().header("Authorization", "Bearer " + issued.getString("token"));
    activeDevice = device("manager");
    inactiveDevice = device("delivery");
    JsonObject page = sync.get("/api/v1/webhooks/events?device_id=" + activeDevice + "&limit=1000")
        .expect(200).json();
    sync.post("/api/v1/webhooks/sync-state/" + activeDevice + "/ack", Json.obj()
        .add("cursor", page.getString("next_cursor")).build()).expect(200);
    sync.post("/api/v1/webhooks/sync-state/" + inactiveDevice + "/deactivate", "").expect(200);

    // a run of every job
    List<Long> runs = new ArrayList<>();
    for (JsonValue job : api.get("/api/v1/admin/jobs").expect(200).jsonArray()) {
      String name = job.asJsonObject().getString("name");
      String body = name.equals("replay") ? Json.obj().add("from", since.toString())
          .add("subscribers", String.valueOf(goodId)).build().toString() : "{}";
      runs.add(api.post("/api/v1/admin/jobs/" + name + "/executions", body).expect(202).json()
          .getJsonNumber("id").longValue());
    }
    for (long run : runs) {
      jobRuns.put(run, Poll.until(WAIT, "job execution " + run + " ended", () -> api.get(
          "/api/v1/admin/job-executions/" + run).expect(200).json().getString("status"),
          status -> !status.equals("starting") && !status.equals("started")));
    }

    reads.id("/api/v1/admin/subscribers/{id}", goodId, badId)
        .id("/api/v1/admin/events/{id}", sentDelivery, deadDelivery)
        .id("/api/v1/admin/events/{id}/attempts", sentDelivery, deadDelivery)
        .id("/api/v1/admin/configs/{id}", config)
        .id("/api/v1/admin/templates/{id}", template)
        .id("/api/v1/admin/tokens/{id}", token)
        .id("/api/v1/admin/job-executions/{id}", runs.toArray())
        .id("/api/v1/webhooks/sync-state/{id}", activeDevice, inactiveDevice)
        .pageId("subscriber.xhtml", goodId, badId)
        .pageId("event.xhtml", sentDelivery, deadDelivery)
        .pageId("config.xhtml", config)
        .pageId("template.xhtml", template);
    records.forEach((collection, id) -> reads.id("/api/v1/" + collection + "/{id}", id));

    String from = URLEncoder.encode(since.toString(), StandardCharsets.UTF_8);
    String to = URLEncoder.encode(Instant.now().plusSeconds(60).toString(), StandardCharsets.UTF_8);
    for (String status : List.of("pending", "processing", "sent", "failed", "dead")) {
      filtered.add("/api/v1/admin/events?status=" + status);
    }
    filtered.addAll(List.of(
        "/api/v1/admin/events?model=res.partner&subscriber_id=" + goodId + "&since=" + from
            + "&until=" + to + "&offset=0&limit=10",
        "/api/v1/admin/events?offset=1&limit=1",
        "/api/v1/admin/audit?actor=admin&action=subscriber.create&target_type=subscriber"
            + "&since=" + from + "&until=" + to + "&offset=0&limit=10",
        "/api/v1/admin/audit?offset=1&limit=1",
        "/api/v1/admin/inbox?offset=1&limit=1",
        "/api/v1/admin/job-executions?job=replay&limit=5",
        "/api/v1/admin/stats/timeline?window=hour",
        "/api/v1/admin/stats/timeline?window=day",
        "/api/v1/admin/tokens?username=" + syncUser,
        "/api/v1/webhooks/events?models=res.partner,sale.order&priority=high,medium,low&limit=5",
        "/api/v1/webhooks/events?after=1&limit=5",
        "/api/v1/webhooks/sync-state?username=" + syncUser + "&app_type=manager&active=true",
        "/api/v1/webhooks/sync-state?active=false"));
    for (String collection : COLLECTIONS) {
      filtered.add("/api/v1/" + collection + "?offset=0&limit=1");
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void everyGetOfTheApiAnswersWithRealIds() {
    List<String> urls = new ArrayList<>(reads.apiUrls(server, path -> true));
    urls.addAll(filtered);
    List<String> failures = new ArrayList<>();
    for (String url : urls) {
      ApiResponse r = (url.startsWith("/api/v1/webhooks/") ? sync : api).get(url);
      if (r.status() != 200) {
        failures.add(r.toString());
      }
    }
    jobRuns.forEach((run, status) -> {
      if (!status.equals("completed")) {
        failures.add("job execution " + run + " ended " + status + ": " + api.get(
            "/api/v1/admin/job-executions/" + run).body());
      }
    });
    System.out.printf("[it] H2DefaultIT: %d API reads, %d failed%n", urls.size(), failures.size());
    assertThat(failures).as("GETs that did not answer 200 on the default H2 database").isEmpty();

    // what the sync state statistics count, per user and per app type
    JsonObject stats = sync.get("/api/v1/webhooks/sync-state/stats").expect(200).json();
    JsonObject mine = stats.getJsonArray("by_user").getJsonObject(0);
    assertThat(mine.getString("key")).isEqualTo(syncUser);
    assertThat(mine.getJsonNumber("devices").longValue()).as("devices of the user").isEqualTo(2);
    assertThat(mine.getJsonNumber("active_devices").longValue()).as("active devices of the user")
        .isEqualTo(1);
    assertThat(mine.getJsonNumber("syncs").longValue()).as("syncs of the user").isEqualTo(1);
    Map<String, Long> activeByAppType = new LinkedHashMap<>();
    stats.getJsonArray("by_app_type").forEach(v -> activeByAppType.put(v.asJsonObject()
        .getString("key"), v.asJsonObject().getJsonNumber("active_devices").longValue()));
    assertThat(activeByAppType).as("active devices per app type").containsEntry("manager", 1L).containsEntry("delivery", 0L);
    for (boolean active : List.of(true, false)) {
      assertThat(sync.get("/api/v1/webhooks/sync-state?username=" + syncUser + "&active=" + active)
          .expect(200).jsonArray()).as("the devices with active=%s", active)
          .extracting(v -> v.asJsonObject().getJsonNumber("id").longValue())
          .containsExactly(active ? activeDevice : inactiveDevice);
    }
  }

  @Test
  void everyAdminPageOpensWithRealIdsFiltersAndPaging() {
    List<String> failures = new ArrayList<>();
    List<String> views = reads.adminPages();
    try (Browser b = Browser.open(server)) {
      b.loginAsAdmin();
      for (String view : views) {
        ReadAll.Page page = ReadAll.open(b, view);
        if (page.problem() != null) {
          failures.add(view + ": " + page.problem());
        }
      }
      step(failures, "events filtered by status and subscriber", () -> {
        b.go("/admin/events.xhtml");
        b.choose("deliveries:status", "sent");
        b.choose("deliveries:subscriber_id", subscriberName);
        b.waitText(By.id("deliveries:table"), String.valueOf(sentDelivery));
      });
      step(failures, "dead letters show the dead delivery", () -> {
        b.go("/admin/dead-letters.xhtml");
        b.waitText(By.id("deliveries:table"), String.valueOf(deadDelivery));
      });
      step(failures, "sync states filtered to deactivated devices", () -> {
        b.go("/admin/sync-states.xhtml");
        b.choose("sync:active", "Deactivated");
        b.waitText(By.id("sync:table"), deviceNames.get(1));
        assertThat(b.find(By.id("sync:table")).getText()).as("deactivated devices")
            .doesNotContain(deviceNames.get(0));
        assertThat(b.find(By.id("sync:stats")).getText()).contains(syncUser);
      });
      step(failures, "audit log searched by actor", () -> {
        b.go("/admin/audit.xhtml");
        b.type(By.id("audit:actor"), AppServer.ADMIN_USER);
        b.click(By.id("audit:search"));
        b.waitAjax();
        b.waitText(By.id("audit:table"), "subscriber.create");
      });
      for (String view : List.of("/admin/events.xhtml", "/admin/audit.xhtml",
          "/admin/inbox.xhtml")) {
        step(failures, "second page of " + view, () -> {
          b.go(view);
          By next = By.cssSelector(".ui-paginator-next:not(.ui-state-disabled)");
          if (b.present(next)) {
            b.click(next);
            b.waitAjax();
            b.waitText(By.cssSelector(".ui-paginator-page.ui-state-active"), "2");
          }
        });
      }
    }
    System.out.printf("[it] H2DefaultIT: %d admin pages, %d failures%n", views.size(),
        failures.size());
    assertThat(failures).as("admin pages that failed on the default H2 database").isEmpty();
  }

  private static void step(List<String> failures, String what, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException | AssertionError e) {
      String message = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").strip();
      failures.add(what + ": " + message.substring(0, Math.min(message.length(), 600)));
    }
  }

  /** A record of each collection; returns collection -> id. */
  private static Map<String, Long> records(Fixtures fx) {
    Map<String, Long> ids = new LinkedHashMap<>();
    String tag = Fixtures.unique("H2");
    long partner = fx.partner(tag);
    ids.put("partners", partner);
    ids.put("sale-orders", fx.saleOrder(tag + "-so", partner).getJsonNumber("id").longValue());
    long category = create(ids, "product-categories", Json.obj().add("name", tag));
    long product = create(ids, "product-templates", Json.obj().add("name", tag)
        .add("category_id", category));
    long journal = create(ids, "account-journals", Json.obj().add("name", tag)
        .add("code", ("J" + tag.substring(tag.length() - 4)).toUpperCase()).add("type", "sale"));
    long employee = create(ids, "hr-employees", Json.obj().add("name", tag));
    long picking = create(ids, "stock-pickings", Json.obj().add("name", tag)
        .add("partner_id", partner));
    create(ids, "stock-moves", Json.obj().add("name", tag).add("product_id", product)
        .add("picking_id", picking).add("quantity", 1));
    create(ids, "hr-expenses", Json.obj().add("name", tag).add("employee_id", employee)
        .add("product_id", product).add("price_unit", 10));
    create(ids, "crm-leads", Json.obj().add("name", tag).add("partner_id", partner));
    create(ids, "purchase-orders", Json.obj().add("name", tag + "-po").add("partner_id", partner)
        .add("lines", Json.arr().add(Json.obj().add("product_id", product)
            .add("description", "Widget").add("quantity", 1).add("price_unit", 5))));
    create(ids, "account-moves", Json.obj().add("partner_id", partner).add("journal_id", journal)
        .add("lines", Json.arr().add(Json.obj().add("description", "Widget").add("quantity", 1)
            .add("price_unit", 5))));
    create(ids, "account-payments", Json.obj().add("partner_id", partner)
        .add("journal_id", journal).add("amount", 5));
    assertThat(ids.keySet()).as("a record of every collection")
        .containsExactlyInAnyOrderElementsOf(COLLECTIONS);
    return ids;
  }

  private static long create(Map<String, Long> ids, String collection,
      jakarta.json.JsonObjectBuilder body) {
    long id = api.post("/api/v1/" + collection, body.build()).expect(201).json()
        .getJsonNumber("id").longValue();
    ids.put(collection, id);
    return id;
  }

  private static long device(String appType) {
    String name = Fixtures.unique("dev");
    deviceNames.add(name);
    return sync.post("/api/v1/webhooks/sync-state", Json.obj()
        .add("device_id", name).add("app_type", appType).build())
        .expect(200).json().getJsonNumber("id").longValue();
  }
}
