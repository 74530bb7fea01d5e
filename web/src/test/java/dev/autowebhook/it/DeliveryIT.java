package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Poll;
import dev.autowebhook.it.support.Receiver;
import dev.autowebhook.it.support.Receiver.Received;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * End to end on the real stack (Payara Micro, PostgreSQL, a loopback receiver): business writes
 * through the REST API arrive at the subscriber signed, authenticated, with the envelope and
 * old/new values, and the attempts are audited.
 */
class DeliveryIT extends DeliveryTestBase {

  static final Duration WAIT = Duration.ofSeconds(20);
  static void assertSigned(Received r, String secret) throws Exception {
    HttpHeaders headers = HttpHeaders.of(Map.of(
        "webhook-id", List.of(r.header("webhook-id")),
        "webhook-timestamp", List.of(r.header("webhook-timestamp")),
        "webhook-signature", List.of(r.header("webhook-signature"))), (a, b) -> true);
    new Webhook(secret).verify(r.bodyText(), headers); // throws when the signature is wrong
  }

  @Test
  void createUpdateDeleteArriveSignedWithEnvelopeAuthAndOldNewValues() throws Exception {
    String path = Receiver.newPath();
    JsonObject sub = fx.subscriber(receiver.url(path), Json.obj().add("auth_type", "bearer")
        .add("auth_token", "tok-123456").add("custom_headers", Json.obj().add("X-Tenant", "acme")));
    String secret = sub.getString("signing_secret");
    assertThat(secret).startsWith("whsec_");
    fx.attach("sale.order", sub.getJsonNumber("id").longValue());

    long partner = fx.partner(Fixtures.unique("Acme"));
    String name = Fixtures.unique("SO");
    JsonObject order = fx.saleOrder(name, partner);
    long id = order.getJsonNumber("id").longValue();

    Received created = receiver.awaitRequests(path, 1, WAIT).get(0);
    assertSigned(created, secret);
    assertThat(created.method()).isEqualTo("POST");
    assertThat(created.header("content-type")).startsWith("application/json");
    assertThat(created.header("user-agent")).contains("AutoWebhook");
    assertThat(created.header("authorization")).isEqualTo("Bearer tok-123456");
    assertThat(created.header("x-tenant")).isEqualTo("acme");
    assertThat(created.header("idempotency-key")).isEqualTo(created.header("webhook-id"));
    JsonObject env = created.json();
    assertThat(env.getString("id")).isEqualTo(created.header("webhook-id"));
    assertThat(env.getString("model")).isEqualTo("sale.order");
    assertThat(env.getJsonNumber("record_id").longValue()).isEqualTo(id);
    assertThat(env.getString("event")).isEqualTo("create");
    assertThat(env.getString("priority")).isEqualTo("high");
    assertThat(env.getString("category")).isEqualTo("sales");
    assertThat(env.getString("timestamp")).endsWith("Z");
    assertThat(env.getJsonObject("data").getString("name")).isEqualTo(name);
    assertThat(env.getJsonObject("data").getJsonNumber("amount_total").doubleValue())
        .isEqualTo(240.0);
    assertThat(env.getJsonObject("data").getJsonArray("lines")).hasSize(1);
    assertThat(env.getJsonObject("changes")).isEmpty();

    api.put("/api/v1/sale-orders/" + id, Json.obj().add("state", "sale")
        .add("client_order_ref", "PO-77").build()).expect(200);
    JsonObject stored = api.get("/api/v1/sale-orders/" + id).expect(200).json();
    assertThat(stored.getString("state")).as("the update is persisted").isEqualTo("sale");
    assertThat(stored.getString("client_order_ref")).isEqualTo("PO-77");
    Received updated = receiver.awaitRequests(path, 2, WAIT).get(1);
    assertSigned(updated, secret);
    JsonObject changes = updated.json().getJsonObject("changes");
    assertThat(updated.json().getString("event")).isEqualTo("update");
    assertThat(changes.keySet()).containsExactlyInAnyOrder("state", "client_order_ref");
    assertThat(changes.getJsonObject("state").getString("old")).isEqualTo("draft");
    assertThat(changes.getJsonObject("state").getString("new")).isEqualTo("sale");
    assertThat(changes.getJsonObject("client_order_ref").get("old")).isEqualTo(JsonValue.NULL);
    assertThat(updated.header("webhook-id")).isNotEqualTo(created.header("webhook-id"));

    api.delete("/api/v1/sale-orders/" + id).expect(204);
    Received deleted = receiver.awaitRequests(path, 3, WAIT).get(2);
    assertSigned(deleted, secret);
    assertThat(deleted.json().getString("event")).isEqualTo("delete");
    assertThat(deleted.json().getJsonObject("data").getString("state")).isEqualTo("sale");
  }

  @Test
  void apiKeyAndBasicAuthAreSentAndMaskedInTheAuditTrail() {
    String keyPath = Receiver.newPath();
    String basicPath = Receiver.newPath();
    JsonObject keySub = fx.subscriber(receiver.url(keyPath), Json.obj().add("auth_type", "api_key")
        .add("api_key", "k-secret-1").add("api_key_header", "X-Hook-Key"));
    JsonObject basicSub = fx.subscriber(receiver.url(basicPath), Json.obj()
        .add("auth_type", "basic").add("basic_username", "hooks").add("basic_password", "pw-9"));
    long keyId = keySub.getJsonNumber("id").longValue();
    fx.attach("res.partner", keyId);
    fx.attach("res.partner", basicSub.getJsonNumber("id").longValue());

    fx.partner(Fixtures.unique("Globex"));

    assertThat(receiver.awaitRequests(keyPath, 1, WAIT).get(0).header("x-hook-key"))
        .isEqualTo("k-secret-1");
    assertThat(receiver.awaitRequests(basicPath, 1, WAIT).get(0).header("authorization"))
        .isEqualTo("Basic " + Base64.getEncoder().encodeToString(
            "hooks:pw-9".getBytes(StandardCharsets.UTF_8)));

    JsonObject delivery = fx.awaitDelivery(keyId, "sent", WAIT);
    assertThat(delivery.getInt("attempts")).isEqualTo(1);
    assertThat(delivery.getString("model")).isEqualTo("res.partner");
    List<JsonObject> attempts = fx.attempts(delivery.getJsonNumber("id").longValue());
    assertThat(attempts).hasSize(1);
    JsonObject a = attempts.get(0);
    assertThat(a.getInt("status_code")).isEqualTo(200);
    assertThat(a.getString("trigger")).isEqualTo("automatic");
    assertThat(a.getString("outcome")).isEqualTo("sent");
    assertThat(a.getString("url")).isEqualTo(receiver.url(keyPath));
    assertThat(a.getJsonObject("request_headers").getString("X-Hook-Key")).isEqualTo("****");
    assertThat(a.toString()).doesNotContain("k-secret-1");

    // secrets never come back from the API
    String all = api.get("/api/v1/admin/subscribers").expect(200).body();
    assertThat(all).doesNotContain("k-secret-1").doesNotContain("pw-9")
        .doesNotContain(keySub.getString("signing_secret"));
    assertThat(api.get("/api/v1/admin/subscribers/" + keyId).json().getBoolean("has_api_key"))
        .isTrue();
  }

  @Test
  void putWithoutSecretsKeepsThem() {
    String path = Receiver.newPath();
    JsonObject sub = fx.subscriber(receiver.url(path), Json.obj().add("auth_type", "bearer")
        .add("auth_token", "keep-me-1"));
    long id = sub.getJsonNumber("id").longValue();
    JsonObject shown = api.get("/api/v1/admin/subscribers/" + id).expect(200).json();
    api.put("/api/v1/admin/subscribers/" + id, shown).expect(200);
    api.put("/api/v1/admin/subscribers/" + id, Json.obj().add("timeout_seconds", 7).build())
        .expect(200);
    fx.attach("res.partner", id);
    fx.partner(Fixtures.unique("Initech"));
    assertThat(receiver.awaitRequests(path, 1, WAIT).get(0).header("authorization"))
        .isEqualTo("Bearer keep-me-1");
  }

  @Test
  void fieldFiltersAndEventTypesDecideWhatIsDelivered() throws InterruptedException {
    String path = Receiver.newPath();
    long sub = fx.subscriber(receiver.url(path), null).getJsonNumber("id").longValue();
    fx.configure("crm.lead", Json.obj().add("events", jakarta.json.Json.createArrayBuilder()
            .add("update"))
        .add("include_fields", jakarta.json.Json.createArrayBuilder().add("stage")
            .add("expected_revenue")));
    fx.attach("crm.lead", sub);

    long lead = api.post("/api/v1/crm-leads", Json.obj().add("name", Fixtures.unique("Lead"))
        .build()).expect(201).json().getJsonNumber("id").longValue();
    api.put("/api/v1/crm-leads/" + lead, Json.obj().add("name", "renamed").build()).expect(200);
    api.put("/api/v1/crm-leads/" + lead, Json.obj().add("stage", "qualified")
        .add("name", "renamed again").build()).expect(200);

    Received r = receiver.awaitRequests(path, 1, WAIT).get(0);
    JsonObject env = r.json();
    assertThat(env.getString("event")).isEqualTo("update");
    assertThat(env.getJsonObject("changes").keySet()).containsExactly("stage");
    assertThat(env.getJsonObject("data").keySet())
        .containsExactlyInAnyOrder("id", "stage", "expected_revenue");
    // the create (not subscribed) and the name-only update (untracked field) sent nothing
    Thread.sleep(1500);
    assertThat(receiver.requests(path)).hasSize(1);
  }

  @Test
  void theDefaultSubscriberDeliversToTheBuiltInInbox() {
    JsonObject def = null;
    for (JsonValue v : api.get("/api/v1/admin/subscribers").expect(200).jsonArray()) {
      if (v.asJsonObject().getString("name").equals("default")) {
        def = v.asJsonObject();
      }
    }
    assertThat(def).as("default subscriber seeded at first start").isNotNull();
    assertThat(def.getString("endpoint_url")).endsWith("/api/v1/inbox");
    String name = Fixtures.unique("InboxCo");
    fx.partner(name);
    JsonObject msg = Poll.until(WAIT, "the partner in the inbox",
        () -> api.get("/api/v1/admin/inbox?limit=50").expect(200).jsonArray(),
        list -> list.stream().anyMatch(m -> m.asJsonObject().getString("body").contains(name)))
        .stream().map(JsonValue::asJsonObject)
        .filter(m -> m.getString("body").contains(name)).findFirst().orElseThrow();
    assertThat(msg.getBoolean("signature_valid")).isTrue();
    assertThat(msg.getString("webhook_id")).startsWith("evt_");
  }
}
