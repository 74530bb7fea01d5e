package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.ApiResponse;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input gets a 4xx problem document naming the field, and nothing is half-saved; requests
 * without valid credentials get 401, never a login page.
 */
class ValidationIT {

  Api api;
  Fixtures fx;

  @BeforeEach
  void setUp() {
    api = AppServer.shared().admin();
    fx = new Fixtures(api);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  static JsonObject problem(ApiResponse r, int status) {
    r.expect(status);
    assertThat(r.header("content-type")).startsWith("application/problem+json");
    JsonObject p = r.json();
    assertThat(p.getInt("status")).isEqualTo(status);
    assertThat(p.getString("title")).isNotBlank();
    return p;
  }

  static String fields(JsonObject problem) {
    return problem.getJsonArray("errors").toString();
  }

  @Test
  void invalidSubscribersAreRefusedAndNotSaved() {
    int before = api.get("/api/v1/admin/subscribers").expect(200).jsonArray().size();
    JsonObject p = problem(api.post("/api/v1/admin/subscribers", Json.obj()
        .add("name", Fixtures.unique("bad")).add("endpoint_url", "ftp://example.com/x")
        .add("auth_type", "bearer").add("timeout_seconds", -3).add("rate_limit", -1)
        .add("custom_headers", Json.obj().add("Host", "evil")).build()), 400);
    assertThat(fields(p)).contains("endpoint_url", "auth_token", "timeout_seconds", "rate_limit",
        "custom_headers.Host");
    problem(api.post("/api/v1/admin/subscribers", Json.obj().add("name", Fixtures.unique("k"))
        .add("endpoint_url", "https://example.com").add("kind", "smtp").build()), 400);
    problem(api.post("/api/v1/admin/subscribers", Json.obj().add("name", "x")
        .add("endpoint_url", "http://user:pw@example.com/").build()), 400);
    problem(api.send("POST", "/api/v1/admin/subscribers", "application/json", "{\"name\":"), 400);
    problem(api.send("POST", "/api/v1/admin/subscribers", "application/json",
        "{\"name\":\"n\",\"timeout_seconds\":\"ten\"}"), 400);
    assertThat(api.get("/api/v1/admin/subscribers").expect(200).jsonArray()).hasSize(before);

    JsonObject ok = fx.subscriber("https://hooks.example.com/in", null);
    problem(api.post("/api/v1/admin/subscribers", Json.obj().add("name", ok.getString("name"))
        .add("endpoint_url", "https://example.com").build()), 409);
    long id = ok.getJsonNumber("id").longValue();
    problem(api.put("/api/v1/admin/subscribers/" + id, Json.obj()
        .add("endpoint_url", "not a url").add("name", "renamed").build()), 400);
    assertThat(api.get("/api/v1/admin/subscribers/" + id).json().getString("name"))
        .as("nothing half-saved").isEqualTo(ok.getString("name"));
    // an out-of-range number on update is a field error, not a failure at commit
    assertThat(fields(problem(api.put("/api/v1/admin/subscribers/" + id, Json.obj()
        .add("max_retries", 50).build()), 400))).contains("max_retries");
    assertThat(api.get("/api/v1/admin/subscribers/" + id).json().getInt("max_retries"))
        .isEqualTo(ok.getInt("max_retries"));
    problem(api.get("/api/v1/admin/subscribers/999999999"), 404);
  }

  @Test
  void invalidConfigsAreRefusedAndNotSaved() {
    JsonObject before = fx.config("sale.order");
    String id = before.getJsonNumber("id").toString();
    assertThat(fields(problem(api.put("/api/v1/admin/configs/" + id, Json.obj()
        .add("include_fields", jakarta.json.Json.createArrayBuilder().add("state").add("colour"))
        .add("events", jakarta.json.Json.createArrayBuilder().add("create").add("explode"))
        .add("priority", "urgent").add("batch_size", -5).build()), 400)))
        .contains("priority");
    assertThat(fields(problem(api.put("/api/v1/admin/configs/" + id, Json.obj()
        .add("include_fields", jakarta.json.Json.createArrayBuilder().add("colour"))
        .add("events", jakarta.json.Json.createArrayBuilder().add("explode"))
        .add("batch_size", -5).build()), 400)))
        .contains("include_fields", "colour", "events", "batch_size");
    problem(api.put("/api/v1/admin/configs/" + id, Json.obj().add("subscriber_ids",
        jakarta.json.Json.createArrayBuilder().add(987654321L)).build()), 400);
    problem(api.post("/api/v1/admin/configs", Json.obj().add("model", "no.such.model").build()),
        400);
    problem(api.post("/api/v1/admin/configs", Json.obj().add("model", "sale.order").build()), 409);
    JsonObject after = fx.config("sale.order");
    assertThat(after).as("nothing half-saved").isEqualTo(before);

    // a PUT of exactly what GET returned is accepted and changes nothing
    JsonObject same = api.put("/api/v1/admin/configs/" + id, before).expect(200).json();
    assertThat(same.getJsonArray("subscriber_ids")).isEqualTo(before.getJsonArray("subscriber_ids"));
    assertThat(same.getString("priority")).isEqualTo(before.getString("priority"));
  }

  @Test
  void invalidRecordsAndQueriesAreRefused() {
    JsonObject p = problem(api.post("/api/v1/sale-orders", Json.obj().add("name", "")
        .add("partner_id", 987654321L).add("colour", "red").add("amount_total", 5)
        .add("lines", jakarta.json.Json.createArrayBuilder().add(Json.obj().add("quantity", "two")))
        .build()), 400);
    assertThat(fields(p)).contains("partner_id", "colour", "lines[0].quantity");
    problem(api.get("/api/v1/sale-orders/987654321"), 404);
    problem(api.get("/api/v1/sale-orders?limit=0"), 400);
    problem(api.get("/api/v1/sale-orders?limit=abc"), 400);
    problem(api.get("/api/v1/admin/events?status=exploded"), 400);
    problem(api.get("/api/v1/admin/events?model=no.such.model"), 400);
    problem(api.get("/api/v1/admin/events?since=yesterday"), 400);
    problem(api.send("POST", "/api/v1/partners", "application/json", "[1,2]"), 400);
    problem(api.send("POST", "/api/v1/partners", "text/plain", "hello"), 415);
  }

  @Test
  void queryParametersOfTheWrongTypeAre400NotA404() {
    assertThat(fields(problem(api.get("/api/v1/webhooks/events?limit=abc"), 400)))
        .contains("limit");
    assertThat(fields(problem(api.get("/api/v1/webhooks/events?device_id=abc"), 400)))
        .contains("device_id");
    assertThat(fields(problem(api.get("/api/v1/webhooks/sync-state?active=maybe"), 400)))
        .contains("active");
    // a NUL is not white space: "1%00" is not the number 1
    assertThat(fields(problem(api.get("/api/v1/sale-orders?offset=1%00"), 400)))
        .contains("offset");
    assertThat(fields(problem(api.get("/api/v1/webhooks/events?after=5%01"), 400)))
        .contains("after");
    api.get("/api/v1/webhooks/events?limit=%201%20").expect(200);
    api.get("/api/v1/webhooks/sync-state?active=TRUE").expect(200);
  }

  @Test
  void valuesOfTheWrongJsonTypeAreRefusedNamingTheProperty() {
    String subscribers = "/api/v1/admin/subscribers";
    int before = api.get(subscribers).expect(200).jsonArray().size();
    String name = Fixtures.unique("typed");
    String url = ",\"endpoint_url\":\"https://example.com/in\"";
    assertThat(fields(problem(api.post(subscribers, "{\"name\":123" + url + "}"), 400)))
        .contains("\"name\"", "must be a string");
    assertThat(fields(problem(api.post(subscribers, "{\"name\":\"" + name + "\"" + url
        + ",\"enabled\":\"yes\"}"), 400))).contains("enabled", "true or false");
    assertThat(fields(problem(api.post(subscribers, "{\"name\":\"" + name + "\"" + url
        + ",\"timeout_seconds\":\"5\"}"), 400))).contains("timeout_seconds");
    assertThat(fields(problem(api.post(subscribers, "{\"name\":\"" + name + "\"" + url
        + ",\"timeout_seconds\":5.5}"), 400))).contains("timeout_seconds");
    assertThat(fields(problem(api.post(subscribers, "{\"name\":\"" + name + "\"" + url
        + ",\"max_retries\":2147483648}"), 400))).contains("max_retries");
    assertThat(fields(problem(api.post(subscribers, "{\"name\":\"" + name + "\"" + url
        + ",\"custom_headers\":[1]}"), 400))).contains("custom_headers");
    // Yasson read an array as map entries: [] cleared the headers
    assertThat(fields(problem(api.post(subscribers, "{\"name\":\"" + name + "\"" + url
        + ",\"custom_headers\":[]}"), 400))).contains("custom_headers");
    assertThat(fields(problem(api.post("/api/v1/admin/config-import?dry_run=true",
        "{\"format\":\"autowebhook-config\",\"version\":1,\"required_secrets\":[]}"), 400)))
        .contains("required_secrets");
    assertThat(api.get(subscribers).expect(200).jsonArray()).as("nothing saved").hasSize(before);

    assertThat(fields(problem(api.post("/api/v1/admin/users", "{\"username\":123,"
        + "\"password\":\"long-enough-1\"}"), 400))).contains("username");
    assertThat(fields(problem(api.post("/api/v1/admin/templates", "{\"name\":true,"
        + "\"body\":\"{}\"}"), 400))).contains("name");
    String config = "/api/v1/admin/configs/" + fx.config("sale.order").getJsonNumber("id");
    assertThat(fields(problem(api.put(config, "{\"subscriber_ids\":[null]}"), 400)))
        .contains("subscriber_ids");
    assertThat(fields(problem(api.put(config, "{\"include_fields\":[null]}"), 400)))
        .contains("include_fields");
    assertThat(fields(problem(api.post("/api/v1/admin/events/retry", "{\"ids\":[null]}"), 400)))
        .contains("ids");
    // nested: the path of properties
    assertThat(fields(problem(api.post("/api/v1/admin/config-import?dry_run=true",
        "{\"format\":\"autowebhook-config\",\"version\":1,\"subscribers\":[{\"name\":5}]}"),
        400))).contains("subscribers.name");
  }

  @Test
  void malformedOversizedAndNulBodiesAreRefusedAndNothingIsSaved() {
    long partners = api.get("/api/v1/partners?limit=1").expect(200).json().getInt("total");
    String name = Fixtures.unique("body");
    // the JSON-P reader used to take the first value and ignore the rest: this was saved
    problem(api.post("/api/v1/partners", "{\"name\":\"" + name + "\"}}"), 400);
    problem(api.post("/api/v1/partners", "{\"name\":\"" + name + "\"} {\"name\":\"x\"}"), 400);
    // invalid UTF-8 used to become U+FFFD and be saved
    byte[] latin1 = ("{\"name\":\"" + name + "\u00e9\"}").getBytes(StandardCharsets.ISO_8859_1);
    assertThat(problem(api.sendBytes("POST", "/api/v1/partners", "application/json", latin1),
        400).getString("detail")).contains("UTF-8");
    // 100000 levels made the parser fail with a 500
    assertThat(problem(api.send("POST", "/api/v1/partners", "application/json",
        "[".repeat(100_000) + "]".repeat(100_000)), 400).getString("detail")).contains("nested");
    // PostgreSQL cannot store a NUL: a 409 for records, a 500 for subscribers, before
    assertThat(fields(problem(api.post("/api/v1/partners", "{\"name\":\"a\\u0000b\"}"), 400)))
        .contains("name", "NUL");
    assertThat(fields(problem(api.post("/api/v1/admin/subscribers", "{\"name\":\"a\\u0000b\","
        + "\"endpoint_url\":\"https://example.com/in\"}"), 400))).contains("name");
    assertThat(fields(problem(api.get("/api/v1/admin/tokens?username=a%00b"), 400)))
        .contains("username");
    // over the request limit (10 MiB by default): 413 naming size and limit, before JSON parsing
    JsonObject p = problem(api.post("/api/v1/partners", "{\"name\":\"" + name + "\",\"comment\":\""
        + "x".repeat(11 * 1024 * 1024) + "\"}"), 413);
    assertThat(p.getString("detail")).contains("10485760").doesNotContain("xxxx");
    assertThat(api.get("/api/v1/partners?limit=1").expect(200).json().getInt("total"))
        .as("nothing saved").isEqualTo(partners);
    problem(AppServer.shared().anonymous().post("/api/v1/partners", "{\"name\":\"x\"}}"), 401);
  }

  @Test
  void recordIdsAndJobParametersOfTheWrongShapeAreRefused() {
    String name = Fixtures.unique("ids");
    long id = fx.partner(name);
    assertThat(fields(problem(api.put("/api/v1/partners/" + id, "{\"id\":\"abc\","
        + "\"name\":\"renamed\"}"), 400))).contains("\"id\"");
    assertThat(fields(problem(api.put("/api/v1/partners/" + id, "{\"id\":-9223372036854775809,"
        + "\"name\":\"renamed\"}"), 400))).contains("\"id\"");
    problem(api.post("/api/v1/partners", "{\"id\":1.5,\"name\":\"" + name + "-2\"}"), 400);
    assertThat(api.get("/api/v1/partners/" + id).expect(200).json().getString("name"))
        .isEqualTo(name);
    // what GET answered may be sent back: the id is ignored
    api.put("/api/v1/partners/" + id, "{\"id\":" + id + ",\"name\":\"" + name + "\"}")
        .expect(200);
    // used to be a 500 with an HTML page
    for (String body : new String[] {"[]", "true", "\"text\""}) {
      assertThat(fields(problem(api.post("/api/v1/admin/jobs/event-cleanup/executions", body),
          400))).contains("body");
    }
  }

  @Test
  void feedRetentionLongerThanAHundredYearsIsRefused() {
    // Long.MAX_VALUE seconds before now is no instant: it failed with a 500
    assertThat(fields(problem(api.post("/api/v1/admin/feed/retention",
        "{\"hard_limit_seconds\":9223372036854775807}"), 400))).contains("hard_limit_seconds");
  }

  @Test
  void theInboxTakesAnySignedBytesUpToItsLimit() {
    Api anonymous = AppServer.shared().anonymous();
    problem(anonymous.sendBytes("POST", "/api/v1/inbox", "application/octet-stream",
        new byte[256 * 1024 + 1]), 413);
    // a NUL byte cannot be stored as text: it shows as U+FFFD, like bytes that are not UTF-8
    String secret = fx.subscriber(AppServer.shared().baseUrl() + "/api/v1/inbox", null)
        .getString("signing_secret");
    long id = Fixtures.postToInbox(anonymous, secret, Fixtures.unique("msg"),
        java.time.Instant.now().getEpochSecond(), "nul\u0000!").expect(200).json()
        .getJsonNumber("received").longValue();
    JsonObject stored = api.get("/api/v1/admin/inbox?limit=20").expect(200).jsonArray().stream()
        .map(v -> v.asJsonObject()).filter(m -> m.getJsonNumber("id").longValue() == id)
        .findFirst().orElseThrow();
    assertThat(stored.getString("body")).isEqualTo("nul\uFFFD!");
  }

  @Test
  void secretsLongerThanTheirEncryptedColumnAreRefused() {
    JsonObject s = fx.subscriber("https://hooks.example.com/long", null);
    String path = "/api/v1/admin/subscribers/" + s.getJsonNumber("id");
    // the ciphertext of 1499 bytes (v2 prefix with key id) fills varchar(2048); one byte more
    // failed at insert with a 500
    assertThat(fields(problem(api.put(path, Json.obj().add("api_key", "k".repeat(1500)).build()),
        400))).contains("api_key", "1499 bytes");
    assertThat(fields(problem(api.put(path, Json.obj().add("auth_token", "\u00e9".repeat(753))
        .build()), 400))).contains("auth_token");
    assertThat(fields(problem(api.put(path, Json.obj().add("custom_headers", Json.obj()
        .add("X-Big", "h".repeat(6000))).build()), 400))).contains("custom_headers");
    assertThat(api.get(path).expect(200).json().getBoolean("has_api_key")).isFalse();
    api.put(path, Json.obj().add("api_key", "k".repeat(1499)).build()).expect(200);
    assertThat(api.get(path).expect(200).json().getBoolean("has_api_key")).isTrue();
  }

  @Test
  void requestsWithoutValidCredentialsGet401() {
    Api anonymous = AppServer.shared().anonymous();
    JsonObject p = problem(anonymous.get("/api/v1/admin/subscribers"), 401);
    assertThat(p.getString("detail")).isNotBlank();
    assertThat(anonymous.get("/api/v1/sale-orders").header("www-authenticate")).contains("Basic");
    problem(AppServer.shared().api("admin", "wrong-password").get("/api/v1/partners"), 401);
    problem(anonymous.post("/api/v1/partners", Json.obj().add("name", "x").build()), 401);
  }

  @Test
  void viewersReadButCannotWrite() {
    String name = Fixtures.unique("viewer");
    api.post("/api/v1/admin/users", Json.obj().add("username", name)
        .add("password", "viewer-pass-1").add("role", "webhook-viewer").build()).expect(201);
    problem(api.post("/api/v1/admin/users", Json.obj().add("username", name)
        .add("password", "viewer-pass-1").build()), 409);
    problem(api.post("/api/v1/admin/users", Json.obj().add("username", "x y")
        .add("password", "short").build()), 400);
    // a blank role used to fail with a 500
    assertThat(fields(problem(api.post("/api/v1/admin/users", Json.obj()
        .add("username", name + "-blank").add("password", "viewer-pass-1").add("role", " \t")
        .build()), 400))).contains("role");
    Api viewer = AppServer.shared().api(name, "viewer-pass-1");
    viewer.get("/api/v1/admin/subscribers").expect(200);
    viewer.get("/api/v1/admin/configs").expect(200);
    viewer.get("/api/v1/admin/events").expect(200);
    viewer.get("/api/v1/admin/audit").expect(200);
    viewer.get("/api/v1/sale-orders").expect(200);
    problem(viewer.post("/api/v1/partners", Json.obj().add("name", "nope").build()), 403);
    problem(viewer.put("/api/v1/partners/1", Json.obj().add("name", "nope").build()), 403);
    problem(viewer.delete("/api/v1/partners/1"), 403);
    problem(viewer.post("/api/v1/partners/batch", "[]"), 403);
    problem(viewer.post("/api/v1/admin/subscribers", Json.obj().add("name", "nope")
        .add("endpoint_url", "https://example.com").build()), 403);
    problem(viewer.post("/api/v1/admin/events/1/retry", ""), 403);
    problem(viewer.post("/api/v1/admin/events/1/dead", ""), 403);
    problem(viewer.get("/api/v1/admin/users"), 403);
    assertThat(api.get("/api/v1/admin/audit?action=user.create").expect(200).body())
        .contains(name);
  }
}
