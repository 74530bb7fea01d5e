package dev.autowebhook.it;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.ApiResponse;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Poll;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builders for the data a test needs, through the public API only: subscribers pointing at a
 * receiver path, attaching them to a model's config (and detaching after), business records.
 */
final class Fixtures {

  private final Api api;
  private final List<Runnable> cleanups = new ArrayList<>();

  Fixtures(Api api) {
    this.api = api;
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Creates an http subscriber; returns the create answer (with its signing_secret). */
  JsonObject subscriber(String url, JsonObjectBuilder extra) {
    JsonObjectBuilder b = Json.obj().add("name", unique("sub")).add("endpoint_url", url)
        .add("timeout_seconds", 5).add("max_retries", 2);
    JsonObject e = extra == null ? JsonValue.EMPTY_JSON_OBJECT : extra.build();
    e.forEach(b::add);
    JsonObject created = api.post("/api/v1/admin/subscribers", b.build()).expect(201).json();
    long id = created.getJsonNumber("id").longValue();
    cleanups.add(() -> api.delete("/api/v1/admin/subscribers/" + id));
    return created;
  }

  /**
   * Posts {@code body} to the built-in inbox as a receiver gets a webhook: signed with
   * {@code secret} at {@code timestamp} (Unix seconds) by the Standard Webhooks library.
   */
  static ApiResponse postToInbox(Api api, String secret, String webhookId, long timestamp,
      String body) {
    return api.header("webhook-id", webhookId)
        .header("webhook-timestamp", Long.toString(timestamp))
        .header("webhook-signature", inboxSignature(secret, webhookId, timestamp, body))
        .send("POST", "/api/v1/inbox", "application/json", body);
  }

  /** The {@code webhook-signature} value of the Standard Webhooks library for a request. */
  static String inboxSignature(String secret, String webhookId, long timestamp, String body) {
    try {
      return new Webhook(secret).sign(webhookId, timestamp, body);
    } catch (WebhookSigningException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs {@code undo} when the test ends (newest first). */
  void cleanup(Runnable undo) {
    cleanups.add(undo);
  }

  JsonObject config(String model) {
    for (JsonValue v : api.get("/api/v1/admin/configs").expect(200).jsonArray()) {
      JsonObject c = v.asJsonObject();
      if (c.getString("model").equals(model)) {
        return c;
      }
    }
    throw new AssertionError("no config for " + model);
  }

  /** Adds the subscriber to the model's config for this test; removed again by {@link #close}. */
  void attach(String model, long subscriberId) {
    editConfig(model, c -> {
      JsonArrayBuilder ids = jakarta.json.Json.createArrayBuilder(c.getJsonArray("subscriber_ids"));
      ids.add(subscriberId);
      return Json.obj().add("subscriber_ids", ids);
    });
    cleanups.add(() -> editConfig(model, c -> {
      JsonArrayBuilder ids = jakarta.json.Json.createArrayBuilder();
      for (JsonValue v : c.getJsonArray("subscriber_ids")) {
        if (((JsonNumber) v).longValue() != subscriberId) {
          ids.add(v);
        }
      }
      return Json.obj().add("subscriber_ids", ids);
    }));
  }

  /** Changes a config for this test and restores it (as GET returned it) afterwards. */
  void configure(String model, JsonObjectBuilder change) {
    JsonObject before = config(model);
    api.put("/api/v1/admin/configs/" + before.getJsonNumber("id"), change.build()).expect(200);
    cleanups.add(0, () -> {
      JsonObject now = config(model);
      JsonObjectBuilder restore = Json.obj();
      before.forEach((k, v) -> {
        if (!k.equals("subscriber_ids")) {
          restore.add(k, v);
        }
      });
      restore.add("subscriber_ids", now.get("subscriber_ids"));
      api.put("/api/v1/admin/configs/" + before.getJsonNumber("id"), restore.build()).expect(200);
    });
  }

  private void editConfig(String model,
      java.util.function.Function<JsonObject, JsonObjectBuilder> change) {
    JsonObject c = config(model);
    api.put("/api/v1/admin/configs/" + c.getJsonNumber("id"), change.apply(c).build()).expect(200);
  }

  long partner(String name) {
    return api.post("/api/v1/partners", Json.obj().add("name", name)
        .add("email", "ops@example.com").build()).expect(201).json().getJsonNumber("id").longValue();
  }

  JsonObject saleOrder(String name, long partnerId) {
    return api.post("/api/v1/sale-orders", Json.obj().add("name", name).add("partner_id", partnerId)
        .add("lines", jakarta.json.Json.createArrayBuilder().add(Json.obj()
            .add("description", "Widget").add("quantity", 2).add("price_unit", 100)
            .add("tax_rate", 20)))
        .build()).expect(201).json();
  }

  /** The deliveries of one subscriber, newest first. */
  List<JsonObject> deliveries(long subscriberId) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonValue v : api.get("/api/v1/admin/events?limit=500&subscriber_id=" + subscriberId)
        .expect(200).json().getJsonArray("items")) {
      out.add(v.asJsonObject());
    }
    return out;
  }

  /** Waits until the subscriber's only delivery has the status, and returns it. */
  JsonObject awaitDelivery(long subscriberId, String status, Duration timeout) {
    return Poll.until(timeout, "a " + status + " delivery for subscriber " + subscriberId,
        () -> deliveries(subscriberId),
        list -> !list.isEmpty() && list.get(0).getString("status").equals(status)).get(0);
  }

  List<JsonObject> attempts(long deliveryId) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonValue v : api.get("/api/v1/admin/events/" + deliveryId + "/attempts").expect(200)
        .jsonArray()) {
      out.add(v.asJsonObject());
    }
    return out;
  }

  ApiResponse put(String path, JsonObjectBuilder body) {
    return api.put(path, body.build());
  }

  /** Undoes what this test set up, newest first. */
  void close() {
    for (int i = cleanups.size() - 1; i >= 0; i--) {
      try {
        cleanups.get(i).run();
      } catch (RuntimeException | AssertionError e) {
        System.err.println("cleanup failed: " + e);
      }
    }
    cleanups.clear();
  }
}
