package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.ApiResponse;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Poll;
import dev.autowebhook.it.support.Postgres;
import dev.autowebhook.it.support.Receiver;
import dev.autowebhook.it.support.Receiver.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Health and metrics on a server of its own, whose backlog may be at most 5 s old and whose
 * {@code /metrics} needs credentials: a sent and a failed-then-dead delivery show up in the
 * Prometheus counters and latency histogram while every readiness check is up; then a subscriber
 * that cannot be reached and may send once per 10 minutes lets its events wait, and readiness
 * turns down (503) naming the backlog's age and size — and up again once it is gone.
 */
class MetricsIT {

  static final Duration WAIT = Duration.ofSeconds(40);
  static final int MAX_BACKLOG_AGE = 5;
  static AppServer server;
  static Receiver receiver;

  @BeforeAll
  static void start() {
    Postgres pg = Postgres.instance();
    server = AppServer.builder("metrics")
        .database(pg.createDatabase("metrics"), pg.user(), pg.password())
        .env("AUTOWEBHOOK_HEALTH_MAX_BACKLOG_AGE_SECONDS", Integer.toString(MAX_BACKLOG_AGE))
        .env("AUTOWEBHOOK_METRICS_PUBLIC", "false").build().start();
    receiver = Receiver.start();
  }

  @AfterAll
  static void stop() {
    receiver.close();
    server.stop();
  }

  @Test
  void deliveriesAreCountedAndReadinessFollowsTheBacklog() {
    Api api = server.admin();
    Fixtures fx = new Fixtures(api);
    try {
      String okPath = Receiver.newPath();
      String failPath = Receiver.newPath();
      receiver.setDefault(failPath, Reply.status(500));
      JsonObject okSub = fx.subscriber(receiver.url(okPath), null);
      long ok = okSub.getJsonNumber("id").longValue();
      long bad = fx.subscriber(receiver.url(failPath), Json.obj().add("max_retries", 1))
          .getJsonNumber("id").longValue();
      fx.attach("res.partner", ok);
      fx.attach("res.partner", bad);

      fx.partner(Fixtures.unique("Metered"));
      fx.awaitDelivery(ok, "sent", WAIT);
      fx.awaitDelivery(bad, "dead", WAIT);

      String sent = series("autowebhook_deliveries_total", "http", "sent", ok);
      String failed = series("autowebhook_deliveries_total", "http", "failed", bad);
      String dead = series("autowebhook_deliveries_total", "http", "dead", bad);
      Map<String, Double> m = Poll.until(WAIT, "the attempts counted in /metrics",
          () -> metrics(api), x -> x.containsKey(sent) && x.containsKey(dead));
      assertThat(m).containsEntry(sent, 1.0).containsEntry(failed, 1.0).containsEntry(dead, 1.0)
          .doesNotContainKey(series("autowebhook_deliveries_total", "http", "failed", ok))
          .containsEntry("autowebhook_delivery_attempt_seconds_count{channel=\"http\",subscriber=\""
              + ok + "\"}", 1.0)
          .containsEntry("autowebhook_delivery_attempt_seconds_bucket{channel=\"http\",subscriber=\""
              + ok + "\",le=\"+Inf\"}", 1.0)
          .containsEntry("autowebhook_delivery_attempt_seconds_count{channel=\"http\",subscriber=\""
              + bad + "\"}", 2.0)
          .containsEntry("autowebhook_capture_failures_total", 0.0);
      String text = api.get("/metrics").expect(200).body();
      assertThat(text).doesNotContain(okSub.getString("signing_secret"))
          .doesNotContain(receiver.url(okPath)).doesNotContain(okSub.getString("name"));

      ApiResponse anonymous = server.anonymous().get("/metrics");
      assertThat(anonymous.status()).as("AUTOWEBHOOK_METRICS_PUBLIC=false").isEqualTo(401);
      assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");

      JsonObject ready = server.anonymous().get("/health/ready").expect(200).json();
      assertThat(ready.getString("status")).isEqualTo("UP");
      assertThat(checks(ready)).containsOnlyKeys("database", "dispatcher", "delivery-backlog")
          .allSatisfy((name, check) -> assertThat(check.getString("status")).isEqualTo("UP"));
      JsonObject live = server.anonymous().get("/health/live").expect(200).json();
      assertThat(checks(live)).containsKey("dispatcher-alive");

      // unreachable, and at most one request per 10 minutes: the rest of its events wait
      long stuck = fx.subscriber("http://127.0.0.1:" + deadPort() + "/hook", Json.obj()
              .add("max_retries", 10).add("rate_limit", 1).add("rate_limit_window_seconds", 600))
          .getJsonNumber("id").longValue();
      fx.attach("crm.lead", stuck);
      for (int i = 0; i < 3; i++) {
        api.post("/api/v1/crm-leads", Json.obj().add("name", Fixtures.unique("Lead")).build())
            .expect(201);
      }
      ApiResponse down = Poll.until(WAIT, "readiness down for the old backlog",
          () -> server.anonymous().get("/health/ready"), r -> r.status() == 503);
      JsonObject backlog = checks(down.json()).get("delivery-backlog");
      assertThat(backlog.getString("status")).isEqualTo("DOWN");
      JsonObject data = backlog.getJsonObject("data");
      assertThat(number(data, "oldest_age_seconds")).isGreaterThan(MAX_BACKLOG_AGE);
      assertThat(number(data, "backlog")).isGreaterThanOrEqualTo(1);
      assertThat(number(data, "oldest_subscriber")).isEqualTo(stuck);
      assertThat(down.body()).doesNotContain("127.0.0.1");
      assertThat(checks(down.json()).get("database").getString("status")).isEqualTo("UP");
      Map<String, Double> waiting = metrics(api);
      assertThat(waiting.get("autowebhook_backlog_deliveries{subscriber=\"" + stuck + "\"}"))
          .isGreaterThanOrEqualTo(2.0);
      assertThat(waiting.get("autowebhook_backlog_oldest_age_seconds{subscriber=\"" + stuck
          + "\"}")).isGreaterThan(0.0);
      assertThat(server.anonymous().get("/health/live").status()).as("liveness is not about the"
          + " backlog").isEqualTo(200);
    } finally {
      fx.close();
    }
    Poll.until(WAIT, "readiness up again once the backlog's subscriber is gone",
        () -> server.anonymous().get("/health/ready").status() == 200);
  }

  static String series(String name, String channel, String outcome, long subscriber) {
    return name + "{channel=\"" + channel + "\",outcome=\"" + outcome + "\",subscriber=\""
        + subscriber + "\"}";
  }

  /** The samples of a Prometheus text exposition: series (name and labels) to value. */
  static Map<String, Double> metrics(Api api) {
    ApiResponse r = api.get("/metrics").expect(200);
    assertThat(r.header("Content-Type")).startsWith("text/plain").contains("version=0.0.4");
    Map<String, Double> out = new HashMap<>();
    Matcher m = Pattern.compile("(?m)^([a-z_]+(?:\\{[^}]*\\})?) (\\S+)$").matcher(r.body());
    while (m.find()) {
      out.put(m.group(1), Double.valueOf(m.group(2)));
    }
    return out;
  }

  static Map<String, JsonObject> checks(JsonObject health) {
    Map<String, JsonObject> out = new HashMap<>();
    for (JsonValue v : health.getJsonArray("checks")) {
      out.put(v.asJsonObject().getString("name"), v.asJsonObject());
    }
    return out;
  }

  /** A data field: Payara writes every value as a string. */
  static long number(JsonObject data, String key) {
    JsonValue v = data.get(key);
    return v.getValueType() == JsonValue.ValueType.NUMBER
        ? data.getJsonNumber(key).longValue() : Long.parseLong(data.getString(key));
  }

  static int deadPort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
