package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Receiver;
import dev.autowebhook.it.support.Receiver.Received;
import dev.autowebhook.it.support.Receiver.Reply;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Per-subscriber limits in the real delivery path: the rate limit holds in every sliding window
 * without dropping anything, and an endpoint that hangs (or is rate limited) never delays the
 * deliveries of another subscriber.
 */
class RateLimitIT extends DeliveryTestBase {

  static final Duration WAIT = Duration.ofSeconds(40);

  long subscriber(String path, jakarta.json.JsonObjectBuilder extra) {
    long id = fx.subscriber(receiver.url(path), extra).getJsonNumber("id").longValue();
    fx.attach("res.partner", id);
    return id;
  }

  /** Creates {@code n} partners in one transaction (one request, one commit). */
  void partners(String prefix, int n) {
    JsonArrayBuilder batch = Json.arr();
    for (int i = 0; i < n; i++) {
      batch.add(Json.obj().add("name", prefix + "-" + i).add("email", "ops@example.com"));
    }
    api.post("/api/v1/partners/batch", batch.build().toString()).expect(200);
  }

  static int maxInAnyWindow(List<Received> got, long windowMillis) {
    int max = 0;
    for (Received a : got) {
      int n = 0;
      for (Received b : got) {
        if (b.receivedAtMillis() >= a.receivedAtMillis()
            && b.receivedAtMillis() < a.receivedAtMillis() + windowMillis) {
          n++;
        }
      }
      max = Math.max(max, n);
    }
    return max;
  }

  @Test
  void rateLimitHoldsInEverySlidingWindowNothingIsDroppedAndOthersAreNotSlowed() {
    String limited = Receiver.newPath();
    String free = Receiver.newPath();
    subscriber(limited, Json.obj().add("rate_limit", 10).add("rate_limit_window_seconds", 1)
        .add("max_concurrency", 8));
    subscriber(free, Json.obj().add("max_concurrency", 8));

    long t0 = System.currentTimeMillis();
    partners(Fixtures.unique("Rate"), 40);

    List<Received> fast = receiver.awaitRequests(free, 40, WAIT);
    List<Received> slow = receiver.awaitRequests(limited, 40, WAIT);
    long fastSpan = fast.get(fast.size() - 1).receivedAtMillis() - t0;
    long slowSpan = slow.get(slow.size() - 1).receivedAtMillis() - t0;
    int peak = maxInAnyWindow(slow, 1000);
    System.out.printf("[figures] rate limit 10/1 s: 40 deliveries in %d ms, max %d in any 1 s"
        + " window; unlimited neighbour: 40 in %d ms%n", slowSpan, peak, fastSpan);

    assertThat(slow).extracting(r -> r.header("webhook-id")).doesNotHaveDuplicates().hasSize(40);
    assertThat(peak).as("requests in any 1 s window (limit 10, ±1)").isLessThanOrEqualTo(11);
    assertThat(slowSpan).as("40 at 10/s need at least three more windows").isGreaterThan(2500);
    assertThat(fastSpan).as("the unlimited subscriber is not held back to the limited one's pace")
        .isLessThan(slowSpan - 1000);
  }

  @Test
  void aHangingEndpointWithABacklogDoesNotDelayAHealthyOne() {
    String hanging = Receiver.newPath();
    String healthy = Receiver.newPath();
    receiver.setDefault(hanging, Reply.ok().delayMillis(30_000));
    subscriber(hanging, Json.obj().add("timeout_seconds", 2).add("max_concurrency", 2)
        .add("max_retries", 1));
    subscriber(healthy, Json.obj().add("timeout_seconds", 2));

    partners(Fixtures.unique("Backlog"), 60); // 60 × 2 s / 2 slots: a minute of backlog
    receiver.awaitRequests(healthy, 60, WAIT);
    receiver.awaitRequests(hanging, 2, WAIT);

    Map<Long, Long> writtenAt = new HashMap<>();
    for (int i = 0; i < 10; i++) {
      long before = System.currentTimeMillis();
      writtenAt.put(fx.partner(Fixtures.unique("Probe")), before);
      sleep(150);
    }
    List<Received> got = receiver.awaitRequests(healthy, 70, WAIT);
    List<Long> latencies = new ArrayList<>();
    for (Received r : got) {
      JsonObject body = r.json();
      Long at = writtenAt.get(body.getJsonNumber("record_id").longValue());
      if (at != null && body.getString("event").equals("create")) {
        latencies.add(r.receivedAtMillis() - at);
      }
    }
    long worst = latencies.stream().mapToLong(Long::longValue).max().orElseThrow();
    System.out.printf("[figures] isolation: healthy subscriber latency while a hanging one has a"
        + " backlog of 60: max %d ms over %d writes, all %s%n", worst, latencies.size(), latencies);

    assertThat(latencies).hasSize(10);
    assertThat(worst).as("healthy latency (ms) beside a hanging backlog").isLessThan(1000);
    assertThat(receiver.requests(hanging).size()).as("the hanging lane stays bounded")
        .isLessThan(20);
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
