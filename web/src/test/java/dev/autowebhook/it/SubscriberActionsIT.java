package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Receiver;
import dev.autowebhook.it.support.Receiver.Received;
import dev.autowebhook.it.support.Receiver.Reply;
import jakarta.json.JsonObject;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Secret rotation (both signatures during the grace period, each verified by the official
 * Standard Webhooks library) and Test Connection (status, latency and a diagnosis per failure
 * kind, without polluting deliveries or statistics).
 */
class SubscriberActionsIT extends DeliveryTestBase {

  static final Duration WAIT = Duration.ofSeconds(20);

  static void verify(Received r, String secret) throws Exception {
    DeliveryIT.assertSigned(r, secret);
  }

  @Test
  void rotationSignsWithBothSecretsDuringTheGracePeriodThenOnlyTheNewOne() throws Exception {
    String path = Receiver.newPath();
    JsonObject sub = fx.subscriber(receiver.url(path), null);
    long id = sub.getJsonNumber("id").longValue();
    String old = sub.getString("signing_secret");
    fx.attach("res.partner", id);

    JsonObject rotated = api.post("/api/v1/admin/subscribers/" + id + "/rotate-secret",
        Json.obj().add("grace_seconds", 3600).build()).expect(200).json();
    String fresh = rotated.getString("signing_secret");
    assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
    assertThat(rotated.getString("previous_secret_valid_until")).isNotBlank();
    assertThat(api.get("/api/v1/admin/subscribers/" + id).expect(200).body())
        .doesNotContain(fresh).doesNotContain(old.substring(6));

    fx.partner(Fixtures.unique("Rotate"));
    Received during = receiver.awaitRequests(path, 1, WAIT).get(0);
    assertThat(during.header("webhook-signature").split(" ")).hasSize(2)
        .allMatch(s -> s.startsWith("v1,"));
    verify(during, fresh);
    verify(during, old);

    String newest = api.post("/api/v1/admin/subscribers/" + id + "/rotate-secret",
        Json.obj().add("grace_seconds", 0).build()).expect(200).json()
        .getString("signing_secret");
    fx.partner(Fixtures.unique("Rotate"));
    Received after = receiver.awaitRequests(path, 2, WAIT).get(1);
    assertThat(after.header("webhook-signature").split(" ")).hasSize(1);
    verify(after, newest);
    assertThatThrownBy(() -> verify(after, fresh)).as("the rotated-out secret no longer signs")
        .isInstanceOf(Exception.class);

    ValidationIT.problem(api.post("/api/v1/admin/subscribers/" + id + "/rotate-secret",
        Json.obj().add("grace_seconds", -1).build()), 400);
    assertThat(api.get("/api/v1/admin/audit?action=subscriber.rotate-secret").expect(200).body())
        .contains("\"" + id + "\"").doesNotContain(fresh);
  }

  JsonObject test(String url, jakarta.json.JsonObjectBuilder extra) {
    long id = fx.subscriber(url, extra).getJsonNumber("id").longValue();
    return api.post("/api/v1/admin/subscribers/" + id + "/test", "").expect(200).json();
  }

  @Test
  void testConnectionSendsASignedTestEventAndDiagnosesEachFailureKind() throws Exception {
    String ok = Receiver.newPath();
    JsonObject stats = api.get("/api/v1/admin/stats").expect(200).json();
    JsonObject sub = fx.subscriber(receiver.url(ok), null);
    long id = sub.getJsonNumber("id").longValue();

    JsonObject r = api.post("/api/v1/admin/subscribers/" + id + "/test", "").expect(200).json();

    assertThat(r.getBoolean("success")).isTrue();
    assertThat(r.getInt("status_code")).isEqualTo(200);
    assertThat(r.getJsonNumber("latency_ms").longValue()).isBetween(0L, 5000L);
    assertThat(r.getString("diagnosis")).startsWith("OK");
    Received got = receiver.awaitRequests(ok, 1, WAIT).get(0);
    assertThat(got.header("x-autowebhook-test")).isEqualTo("true");
    assertThat(got.json().getString("event")).isEqualTo("test");
    assertThat(got.header("webhook-id")).isEqualTo(r.getString("event_id"));
    verify(got, sub.getString("signing_secret"));
    assertThat(fx.deliveries(id)).as("a test is not a delivery").isEmpty();
    assertThat(api.get("/api/v1/admin/stats").expect(200).json()).as("stats unchanged")
        .isEqualTo(stats);

    String auth = Receiver.newPath();
    receiver.setDefault(auth, Reply.status(401));
    assertThat(test(receiver.url(auth), null).getString("diagnosis"))
        .contains("Authentication rejected");
    String missing = Receiver.newPath();
    receiver.setDefault(missing, Reply.status(404));
    assertThat(test(receiver.url(missing), null).getString("diagnosis")).contains("Not found");
    String method = Receiver.newPath();
    receiver.setDefault(method, Reply.status(405));
    assertThat(test(receiver.url(method), null).getString("diagnosis"))
        .contains("does not accept POST");
    String slow = Receiver.newPath();
    receiver.setDefault(slow, Reply.ok().delayMillis(4000));
    JsonObject timeout = test(receiver.url(slow), Json.obj().add("timeout_seconds", 1));
    assertThat(timeout.getBoolean("success")).isFalse();
    assertThat(timeout.getString("diagnosis")).contains("Timeout").contains("1 s");
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    assertThat(test("http://127.0.0.1:" + closed + "/hook", null).getString("diagnosis"))
        .contains("Connection refused");
    assertThat(test("http://no-such-host.invalid/hook", null).getString("diagnosis"))
        .contains("DNS");

    ValidationIT.problem(api.post("/api/v1/admin/subscribers/999999999/test", ""), 404);
  }

  @Test
  void atMostFourConnectionTestsRunAtOnceTheRestAreToldToComeBack() throws Exception {
    String slow = Receiver.newPath();
    receiver.setDefault(slow, Reply.ok().delayMillis(3000));
    long id = fx.subscriber(receiver.url(slow), null).getJsonNumber("id").longValue();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(7);
    try {
      List<java.util.concurrent.Future<dev.autowebhook.it.support.ApiResponse>> calls =
          new java.util.ArrayList<>();
      for (int i = 0; i < 7; i++) {
        calls.add(pool.submit(() -> api.post("/api/v1/admin/subscribers/" + id + "/test", "")));
      }
      List<dev.autowebhook.it.support.ApiResponse> answers = new java.util.ArrayList<>();
      for (var f : calls) {
        answers.add(f.get()); // all of them, so no test is still running afterwards
      }
      int ok = 0;
      int refused = 0;
      for (dev.autowebhook.it.support.ApiResponse r : answers) {
        if (r.status() == 200) {
          ok++;
        } else {
          ValidationIT.problem(r, 429);
          assertThat(r.header("retry-after")).isEqualTo("5");
          refused++;
        }
      }
      assertThat(ok).isBetween(1, 4);
      assertThat(refused).isEqualTo(7 - ok).isGreaterThanOrEqualTo(3);
    } finally {
      pool.shutdownNow();
    }
  }
}
