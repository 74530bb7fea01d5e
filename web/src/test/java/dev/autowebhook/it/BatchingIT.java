package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Poll;
import dev.autowebhook.it.support.Receiver;
import dev.autowebhook.it.support.Receiver.Received;
import dev.autowebhook.it.support.Receiver.Reply;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Batching per config on the real stack: events go out as one signed request with an array
 * envelope, flushed when the batch is full or when its timeout runs out, and every event keeps
 * its own delivery status and retries.
 */
class BatchingIT extends DeliveryTestBase {

  static final Duration WAIT = Duration.ofSeconds(30);
  static final String MODEL = "crm.lead";

  JsonObject batchedSubscriber(String path, int size, int timeoutSeconds) {
    JsonObject sub = fx.subscriber(receiver.url(path), Json.obj().add("max_retries", 3));
    fx.configure(MODEL, Json.obj().add("batch_enabled", true).add("batch_size", size)
        .add("batch_timeout_seconds", timeoutSeconds));
    fx.attach(MODEL, sub.getJsonNumber("id").longValue());
    return sub;
  }

  void leads(String prefix, int n) {
    JsonArrayBuilder batch = Json.arr();
    for (int i = 0; i < n; i++) {
      batch.add(Json.obj().add("name", prefix + "-" + i).add("expected_revenue", 1000 + i));
    }
    api.post("/api/v1/crm-leads/batch", batch.build().toString()).expect(200);
  }

  static List<String> eventIds(List<Received> requests) {
    List<String> ids = new ArrayList<>();
    for (Received r : requests) {
      for (JsonValue e : r.json().getJsonArray("events")) {
        ids.add(e.asJsonObject().getString("id"));
      }
    }
    return ids;
  }

  @Test
  void fullBatchesGoAtOnceAndTheRestWhenTheTimeoutRunsOut() throws Exception {
    String path = Receiver.newPath();
    JsonObject sub = batchedSubscriber(path, 5, 3);
    long subId = sub.getJsonNumber("id").longValue();

    long t0 = System.currentTimeMillis();
    leads(Fixtures.unique("Lead"), 12);

    List<Received> full = receiver.awaitRequests(path, 2, WAIT);
    long fullAfter = full.get(1).receivedAtMillis() - t0;
    List<Received> all = receiver.awaitRequests(path, 3, WAIT);
    long restAfter = all.get(2).receivedAtMillis() - t0;
    System.out.printf("[figures] batching size 5 / timeout 3 s: two full batches after %d ms,"
        + " the remaining 2 after %d ms%n", fullAfter, restAfter);

    assertThat(all).hasSize(3);
    assertThat(all).extracting(r -> r.json().getInt("count")).containsExactly(5, 5, 2);
    assertThat(fullAfter).as("full batches do not wait for the timeout").isLessThan(2000);
    assertThat(restAfter).as("the rest waits for the batch timeout").isBetween(2500L, 9000L);
    List<String> ids = eventIds(all);
    assertThat(ids).hasSize(12).doesNotHaveDuplicates();
    for (Received r : all) {
      JsonObject body = r.json();
      assertThat(body.getString("type")).isEqualTo("batch");
      assertThat(r.header("webhook-id")).isEqualTo(body.getString("id")).startsWith("bat_");
      assertThat(r.header("x-autowebhook-batch-size")).isEqualTo(
          String.valueOf(body.getInt("count")));
      assertThat(body.getJsonArray("events").getJsonObject(0).getString("model"))
          .isEqualTo(MODEL);
      DeliveryIT.assertSigned(r, sub.getString("signing_secret"));
    }
    List<JsonObject> deliveries = Poll.until(WAIT, "12 sent deliveries",
        () -> fx.deliveries(subId), l -> l.size() == 12
            && l.stream().allMatch(d -> d.getString("status").equals("sent")));
    JsonObject attempt = fx.attempts(deliveries.get(0).getJsonNumber("id").longValue()).get(0);
    assertThat(attempt.getString("batch_id")).startsWith("bat_");
  }

  @Test
  void eachEventOfAFailedBatchKeepsItsOwnStatusAndIsRetried() {
    String path = Receiver.newPath();
    receiver.respond(path, Reply.status(500));
    long subId = batchedSubscriber(path, 3, 1).getJsonNumber("id").longValue();

    leads(Fixtures.unique("Retry"), 3);

    List<Received> tries = receiver.awaitRequests(path, 2, WAIT);
    assertThat(tries.get(0).json().getInt("count")).isEqualTo(3);
    assertThat(eventIds(tries.subList(1, tries.size()))).hasSize(3);
    assertThat(tries.get(1).header("webhook-id")).as("a new request id per batch attempt")
        .isNotEqualTo(tries.get(0).header("webhook-id"));
    List<JsonObject> deliveries = Poll.until(WAIT, "3 sent deliveries after one retry",
        () -> fx.deliveries(subId), l -> l.size() == 3
            && l.stream().allMatch(d -> d.getString("status").equals("sent")));
    assertThat(deliveries).allSatisfy(d -> {
      assertThat(d.getInt("attempts")).isEqualTo(2);
      assertThat(fx.attempts(d.getJsonNumber("id").longValue()))
          .extracting(a -> a.getString("outcome")).containsExactly("failed", "sent");
    });
  }

  @Test
  void batchSettingsAreValidated() {
    JsonObject c = fx.config(MODEL);
    JsonObject problem = ValidationIT.problem(api.put("/api/v1/admin/configs/"
        + c.getJsonNumber("id"), Json.obj().add("batch_enabled", true).add("batch_size", 0)
        .build()), 400);
    assertThat(ValidationIT.fields(problem)).contains("batch_size");
    assertThat(fx.config(MODEL).getBoolean("batch_enabled")).isFalse();
  }
}
