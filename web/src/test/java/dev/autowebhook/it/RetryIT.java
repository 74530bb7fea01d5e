package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Failure handling on the real stack with a 1 s retry base: non-2xx, timeouts and refused
 * connections are failures; retries back off exponentially (or as Retry-After says) until
 * 1 + max_retries attempts, then dead; Retry Now and move-to-dead-letter work by hand.
 */
class RetryIT extends DeliveryTestBase {

  static final Duration WAIT = Duration.ofSeconds(30);
  long subscriberOn(String path, int maxRetries) {
    long id = fx.subscriber(receiver.url(path), Json.obj().add("max_retries", maxRetries)
        .add("timeout_seconds", 2)).getJsonNumber("id").longValue();
    fx.attach("res.partner", id);
    return id;
  }

  @Test
  void failingReceiverIsRetriedWithBackoffThenDeadThenManualRetrySends() {
    String path = Receiver.newPath();
    receiver.setDefault(path, Reply.status(500).body("{\"error\":\"down\"}"));
    long sub = subscriberOn(path, 2);
    fx.partner(Fixtures.unique("Flaky"));

    List<Received> tries = receiver.awaitRequests(path, 3, WAIT);
    JsonObject dead = fx.awaitDelivery(sub, "dead", WAIT);
    assertThat(dead.getInt("attempts")).isEqualTo(3);
    assertThat(dead.getString("last_error")).isEqualTo("HTTP 500");
    long gap1 = tries.get(1).receivedAtMillis() - tries.get(0).receivedAtMillis();
    long gap2 = tries.get(2).receivedAtMillis() - tries.get(1).receivedAtMillis();
    assertThat(gap1).as("first backoff ~1 s").isBetween(700L, 5000L);
    assertThat(gap2).as("second backoff ~2 s, longer than the first").isGreaterThan(gap1);
    assertThat(tries).extracting(r -> r.header("webhook-id")).containsOnly(
        tries.get(0).header("webhook-id"));
    assertThat(tries).extracting(r -> r.header("x-autowebhook-attempt"))
        .containsExactly("1", "2", "3");
    long deliveryId = dead.getJsonNumber("id").longValue();
    List<JsonObject> attempts = fx.attempts(deliveryId);
    assertThat(attempts).extracting(a -> a.getString("outcome"))
        .containsExactly("failed", "failed", "dead");
    assertThat(attempts.get(0).getString("response_excerpt")).contains("down");

    // no automatic attempt after dead
    sleep(2500);
    assertThat(receiver.requests(path)).hasSize(3);

    receiver.setDefault(path, Reply.ok());
    api.post("/api/v1/admin/events/" + deliveryId + "/retry", "").expect(200);
    fx.awaitDelivery(sub, "sent", WAIT);
    assertThat(receiver.requests(path)).hasSize(4);
    List<JsonObject> after = fx.attempts(deliveryId);
    assertThat(after).hasSize(4);
    assertThat(after.get(3).getString("trigger")).isEqualTo("manual");
    assertThat(after.get(3).getString("outcome")).isEqualTo("sent");
    assertThat(api.get("/api/v1/admin/audit?action=delivery.retry").expect(200).body())
        .contains("\"target_id\":\"" + deliveryId + "\"");
  }

  @Test
  void tooManyRequestsWaitsForRetryAfter() {
    String path = Receiver.newPath();
    receiver.respond(path, Reply.status(429).header("Retry-After", "3"));
    long sub = subscriberOn(path, 3);
    fx.partner(Fixtures.unique("Throttled"));
    List<Received> tries = receiver.awaitRequests(path, 2, WAIT);
    long gap = tries.get(1).receivedAtMillis() - tries.get(0).receivedAtMillis();
    assertThat(gap).as("Retry-After: 3 honoured (the backoff alone would be ~1 s)")
        .isGreaterThanOrEqualTo(2900L);
    JsonObject sent = fx.awaitDelivery(sub, "sent", WAIT);
    assertThat(fx.attempts(sent.getJsonNumber("id").longValue()).get(0).getInt("status_code"))
        .isEqualTo(429);
  }

  @Test
  void timeoutsAndRefusedConnectionsAreFailures() throws Exception {
    String path = Receiver.newPath();
    receiver.respond(path, Reply.ok().delayMillis(4000));
    long slow = subscriberOn(path, 3);
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    long refused = fx.subscriber("http://127.0.0.1:" + closedPort + "/nobody", Json.obj()
        .add("max_retries", 0)).getJsonNumber("id").longValue();
    fx.attach("res.partner", refused);
    fx.partner(Fixtures.unique("Slowpoke"));

    JsonObject sent = fx.awaitDelivery(slow, "sent", WAIT);
    JsonObject first = fx.attempts(sent.getJsonNumber("id").longValue()).get(0);
    assertThat(first.getString("error_class")).isEqualTo("Timeout");
    assertThat(first.getJsonNumber("duration_ms").longValue()).isBetween(1800L, 3900L);

    JsonObject dead = fx.awaitDelivery(refused, "dead", WAIT);
    assertThat(dead.getInt("attempts")).isEqualTo(1);
    assertThat(fx.attempts(dead.getJsonNumber("id").longValue()).get(0).getString("error_class"))
        .isEqualTo("ConnectionRefused");
  }

  @Test
  void aWaitingDeliveryCanBeMovedToTheDeadLetterQueue() {
    String path = Receiver.newPath();
    receiver.setDefault(path, Reply.status(503));
    long sub = subscriberOn(path, 5);
    fx.partner(Fixtures.unique("Buried"));
    JsonObject failed = fx.awaitDelivery(sub, "failed", WAIT);
    long id = failed.getJsonNumber("id").longValue();
    JsonObject dead = api.post("/api/v1/admin/events/" + id + "/dead", "").expect(200).json();
    assertThat(dead.getString("status")).isEqualTo("dead");
    assertThat(dead.getString("last_error")).contains("moved to dead letter by admin");
    int seen = receiver.requests(path).size();
    sleep(3000);
    assertThat(receiver.requests(path)).hasSize(seen);
    assertThat(api.post("/api/v1/admin/events/" + id + "/dead", "").expect(409)
        .header("content-type")).startsWith("application/problem+json");
    assertThat(api.get("/api/v1/admin/events?status=dead&subscriber_id=" + sub).expect(200)
        .json().getInt("total")).isEqualTo(1);
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
