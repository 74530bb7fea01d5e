package dev.autowebhook.it;

import static dev.autowebhook.it.ValidationIT.fields;
import static dev.autowebhook.it.ValidationIT.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Configuration export and import: the export names everything and holds no secret; an import
 * updates by name and creates what is missing, refuses a document with invalid items listing all
 * of them (and changes nothing), checks only on a dry run, and an export imported again after
 * changes restores exactly the exported state. The config of hr.expense (none by default) is
 * this test's own.
 */
class ConfigTransferIT {

  static final String EXPORT = "/api/v1/admin/config-export";
  static final String IMPORT = "/api/v1/admin/config-import";
  static final String MODEL = "hr.expense";
  static final String BODY = "{\"expense\": {{json record_id}}, \"event\": \"{{event}}\"}";

  Api api;
  Fixtures fx;
  final List<String> secrets = new ArrayList<>();

  @BeforeEach
  void setUp() {
    api = AppServer.shared().admin();
    fx = new Fixtures(api);
    deleteOwnConfig();
  }

  @AfterEach
  void tearDown() {
    deleteOwnConfig();
    fx.close();
  }

  void deleteOwnConfig() {
    for (JsonValue c : api.get("/api/v1/admin/configs").expect(200).jsonArray()) {
      if (c.asJsonObject().getString("model").equals(MODEL)) {
        api.delete("/api/v1/admin/configs/" + c.asJsonObject().getJsonNumber("id")).expect(204);
      }
    }
  }

  /** A subscriber with credentials; its secrets (and signing secret) are remembered. */
  JsonObject subscriber(JsonObjectBuilder auth) {
    JsonObject s = fx.subscriber("https://hooks.example.com/" + Fixtures.unique("in"), auth);
    secrets.add(s.getString("signing_secret"));
    return s;
  }

  long template(String name) {
    long id = api.post("/api/v1/admin/templates", Json.obj().add("name", name).add("body", BODY)
        .add("model", MODEL).build()).expect(201).json().getJsonNumber("id").longValue();
    fx.cleanup(() -> api.delete("/api/v1/admin/templates/" + id));
    return id;
  }

  long config(long templateId, long... subscriberIds) {
    JsonArrayBuilder ids = Json.arr();
    for (long id : subscriberIds) {
      ids.add(id);
    }
    return api.post("/api/v1/admin/configs", Json.obj().add("model", MODEL)
        .add("events", Json.arr().add("create").add("update")).add("priority", "high")
        .add("filter", "total_amount > 500").add("subscriber_ids", ids)
        .add("template_id", templateId).build()).expect(201).json().getJsonNumber("id")
        .longValue();
  }

  static String id(JsonObject o) {
    return o.getJsonNumber("id").toString();
  }

  int count(String kind) {
    return api.get("/api/v1/admin/" + kind).expect(200).jsonArray().size();
  }

  List<Integer> rows() {
    return List.of(count("subscribers"), count("templates"), count("configs"),
        api.get("/api/v1/admin/audit?action=config.import&limit=500").expect(200).jsonArray()
            .size());
  }

  static JsonObject item(JsonObject doc, String list, String key, String value) {
    return doc.getJsonArray(list).stream().map(JsonValue::asJsonObject)
        .filter(o -> o.getString(key).equals(value)).findFirst()
        .orElseThrow(() -> new AssertionError(list + " has no " + value + ": " + doc));
  }

  /** The document with one item of a list replaced. */
  static JsonObject with(JsonObject doc, String list, String key, String value,
      Function<JsonObjectBuilder, JsonObjectBuilder> change) {
    JsonArrayBuilder items = Json.arr();
    for (JsonValue v : doc.getJsonArray(list)) {
      JsonObject o = v.asJsonObject();
      items.add(o.getString(key).equals(value)
          ? change.apply(jakarta.json.Json.createObjectBuilder(o)).build() : o);
    }
    return jakarta.json.Json.createObjectBuilder(doc).add(list, items).build();
  }

  static JsonObject withoutTime(JsonObject doc) {
    return jakarta.json.Json.createObjectBuilder(doc).remove("exported_at").build();
  }

  /** A secret value for this test, remembered to be looked for in the export. */
  String secret(String kind) {
    String value = kind + "-" + java.util.UUID.randomUUID();
    secrets.add(value);
    return value;
  }

  @Test
  void theExportNamesEverythingAndHoldsNoSecret() {
    JsonObject bearer = subscriber(Json.obj().add("auth_type", "bearer")
        .add("auth_token", secret("token"))
        .add("custom_headers", Json.obj().add("X-Tenant", secret("tenant"))));
    JsonObject apiKey = subscriber(Json.obj().add("auth_type", "api_key")
        .add("api_key", secret("key")));
    JsonObject basic = subscriber(Json.obj().add("auth_type", "basic")
        .add("basic_username", "erp").add("basic_password", secret("password")));
    String template = Fixtures.unique("tpl");
    config(template(template), apiKey.getJsonNumber("id").longValue(),
        bearer.getJsonNumber("id").longValue());

    var r = api.get(EXPORT).expect(200);
    assertThat(r.header("content-type")).startsWith("application/json");
    String body = r.body();
    assertThat(secrets).hasSize(7); // 4 credentials and 3 signing secrets
    secrets.forEach(s -> assertThat(body).as("no secret in the export").doesNotContain(s)
        .doesNotContain(s.substring(s.indexOf('_') + 1)));
    assertThat(body).doesNotContain("whsec_");

    JsonObject doc = r.json();
    assertThat(doc.getString("format")).isEqualTo("autowebhook-config");
    assertThat(doc.getInt("version")).isEqualTo(1);
    assertThat(doc.getString("exported_at")).isNotBlank();
    JsonObject required = doc.getJsonObject("required_secrets");
    assertThat(required.getJsonArray(bearer.getString("name")).toString())
        .isEqualTo("[\"auth_token\",\"custom_headers.X-Tenant\"]");
    assertThat(required.getJsonArray(apiKey.getString("name")).toString())
        .isEqualTo("[\"api_key\"]");
    assertThat(required.getJsonArray(basic.getString("name")).toString())
        .isEqualTo("[\"basic_password\"]");
    JsonObject s = item(doc, "subscribers", "name", bearer.getString("name"));
    assertThat(s.isNull("auth_token")).isTrue();
    assertThat(s.getString("auth_type")).isEqualTo("bearer");
    assertThat(s.getString("endpoint_url")).isEqualTo(bearer.getString("endpoint_url"));
    assertThat(s.getJsonObject("custom_headers").getString("X-Tenant")).isEqualTo("****");
    assertThat(s.containsKey("id")).isFalse();
    assertThat(item(doc, "templates", "name", template).getString("body")).isEqualTo(BODY);
    JsonObject c = item(doc, "configs", "model", MODEL);
    assertThat(c.getJsonArray("subscribers").getValuesAs(jakarta.json.JsonString::getString))
        .containsExactlyInAnyOrder(bearer.getString("name"), apiKey.getString("name"));
    assertThat(c.getString("template")).isEqualTo(template);
    assertThat(c.getString("filter")).isEqualTo("total_amount > 500");
    assertThat(c.containsKey("subscriber_ids")).isFalse();
    assertThat(api.get("/api/v1/admin/audit?action=config.export").expect(200).jsonArray())
        .isNotEmpty();
  }

  @Test
  void anExportImportedAfterChangesRestoresExactlyTheExportedState() {
    JsonObject a = subscriber(Json.obj().add("auth_type", "bearer").add("auth_token", "tok-a")
        .add("custom_headers", Json.obj().add("X-Tenant", "acme")));
    JsonObject b = subscriber(Json.obj().add("auth_type", "api_key").add("api_key", "key-b"));
    String template = Fixtures.unique("tpl");
    long templateId = template(template);
    long configId = config(templateId, a.getJsonNumber("id").longValue(),
        b.getJsonNumber("id").longValue());
    JsonObject first = api.get(EXPORT).expect(200).json();

    // changes: an update, a deletion, a rename, a config edited
    api.put("/api/v1/admin/subscribers/" + id(a), Json.obj()
        .add("endpoint_url", "https://elsewhere.example.com/x").add("timeout_seconds", 9)
        .build()).expect(200);
    api.delete("/api/v1/admin/subscribers/" + id(b)).expect(204);
    api.put("/api/v1/admin/templates/" + templateId, Json.obj().add("name", template + "-old")
        .build()).expect(200);
    api.put("/api/v1/admin/configs/" + configId, Json.obj().add("priority", "low")
        .addNull("filter").add("subscriber_ids", Json.arr().add(a.getJsonNumber("id")))
        .build()).expect(200);

    // b is new again: its api_key must be given (the export names it in required_secrets)
    List<Integer> before = rows();
    JsonObject p = problem(api.post(IMPORT, first), 400);
    assertThat(fields(p)).contains("api_key").doesNotContain("tok-a");
    assertThat(rows()).as("nothing imported").isEqualTo(before);
    assertThat(first.getJsonObject("required_secrets").getJsonArray(b.getString("name"))
        .getString(0)).isEqualTo("api_key");
    JsonObject completed = with(first, "subscribers", "name", b.getString("name"),
        o -> o.add("api_key", "key-b2"));

    JsonObject out = api.post(IMPORT, completed).expect(200).json();
    assertThat(out.getBoolean("dry_run")).isFalse();
    assertThat(out.getJsonObject("subscribers").getJsonArray("created_names").toString())
        .isEqualTo("[\"" + b.getString("name") + "\"]");
    assertThat(out.getJsonObject("subscribers").getJsonArray("updated_names").toString())
        .contains("\"" + a.getString("name") + "\"");
    assertThat(out.getJsonObject("subscribers").getInt("created")).isEqualTo(1);
    assertThat(out.getJsonObject("templates").getJsonArray("created_names").toString())
        .isEqualTo("[\"" + template + "\"]");
    assertThat(out.getJsonObject("configs").getJsonArray("updated_names").toString())
        .contains("\"" + MODEL + "\"");
    assertThat(out.toString()).doesNotContain("whsec_").doesNotContain("key-b2");

    JsonObject a2 = api.get("/api/v1/admin/subscribers/" + id(a)).expect(200).json();
    assertThat(a2.getString("endpoint_url")).isEqualTo(a.getString("endpoint_url"));
    assertThat(a2.getInt("timeout_seconds")).isEqualTo(a.getInt("timeout_seconds"));
    assertThat(a2.getBoolean("has_auth_token")).as("stored secrets kept").isTrue();
    JsonObject b2 = api.get("/api/v1/admin/subscribers").expect(200).jsonArray().stream()
        .map(JsonValue::asJsonObject).filter(o -> o.getString("name").equals(b.getString("name")))
        .findFirst().orElseThrow();
    fx.cleanup(() -> api.delete("/api/v1/admin/subscribers/" + id(b2)));
    assertThat(b2.getBoolean("has_api_key")).isTrue();
    String fresh = api.post("/api/v1/admin/subscribers/" + id(b2) + "/rotate-secret",
        Json.obj().add("grace_seconds", 0).build()).expect(200).json()
        .getString("signing_secret");
    assertThat(fresh).startsWith("whsec_").isNotEqualTo(b.getString("signing_secret"));
    JsonArray audit = api.get("/api/v1/admin/audit?action=config.import").expect(200)
        .jsonArray();
    assertThat(audit.getJsonObject(0).getString("detail")).contains(b.getString("name"))
        .doesNotContain("key-b2");

    fx.cleanup(() -> api.get("/api/v1/admin/templates").jsonArray().stream()
        .map(JsonValue::asJsonObject).filter(o -> o.getString("name").equals(template))
        .forEach(o -> api.delete("/api/v1/admin/templates/" + id(o))));
    // the renamed template is not deleted by the import; without it all is as exported
    api.delete("/api/v1/admin/templates/" + templateId).expect(204);
    JsonObject second = api.get(EXPORT).expect(200).json();
    assertThat(withoutTime(second)).isEqualTo(withoutTime(first));
  }

  @Test
  void aDocumentWithInvalidItemsIsRefusedWithAllTheirErrorsAndNothingChanges() {
    JsonObject a = subscriber(null);
    JsonObject b = subscriber(null);
    String newName = Fixtures.unique("new");
    JsonObject doc = Json.obj().add("format", "autowebhook-config").add("version", 1)
        .add("subscribers", Json.arr()
            .add(Json.obj().add("name", newName).add("endpoint_url", "https://ok.example.com/"))
            .add(Json.obj().add("name", a.getString("name")).add("timeout_seconds", 11))
            .add(Json.obj().add("name", Fixtures.unique("bad")).add("endpoint_url", "ftp://x/")
                .add("rate_limit", -1))
            .add(Json.obj().add("name", Fixtures.unique("bad")).add("endpoint_url",
                "https://ok.example.com/").add("auth_type", "bearer"))
            .add(Json.obj().add("name", newName).add("endpoint_url", "https://ok.example.com/"))
            .add(Json.obj().add("name", Fixtures.unique("bad")).add("endpoint_url",
                "https://ok.example.com/").add("custom_headers", Json.obj()
                    .add("X-Tenant", "****")))
            .add(Json.obj().add("name", b.getString("name")).add("max_retries", 50)))
        .add("templates", Json.arr()
            .add(Json.obj().add("name", Fixtures.unique("bad")).add("body", "{{#each x}}"))
            .add(Json.obj().add("name", Fixtures.unique("bad")).add("body", "{}")
                .add("model", "no.such.model")))
        .add("configs", Json.arr()
            .add(Json.obj().add("model", "no.such.model"))
            .add(Json.obj().add("model", MODEL).add("subscribers", Json.arr().add("nobody"))
                .add("template", "no-such-template").add("filter", "state ==")
                .add("events", Json.arr().add("explode"))))
        .build();
    List<Integer> before = rows();

    JsonObject p = problem(api.post(IMPORT, doc), 400);
    List<String> named = p.getJsonArray("errors").stream()
        .map(e -> e.asJsonObject().getString("field")).toList();
    assertThat(named).contains("subscribers[2].endpoint_url", "subscribers[2].rate_limit",
        "subscribers[3].auth_token", "subscribers[4].name",
        "subscribers[5].custom_headers.X-Tenant", "subscribers[6].max_retries",
        "templates[0].body", "templates[1].model",
        "configs[0].model", "configs[1].subscribers", "configs[1].template", "configs[1].filter",
        "configs[1].events");
    assertThat(named).noneMatch(f -> f.startsWith("subscribers[0]")
        || f.startsWith("subscribers[1]"));
    assertThat(rows()).as("subscribers, templates, configs, import audit lines")
        .isEqualTo(before);
    assertThat(api.get("/api/v1/admin/subscribers/" + id(a)).expect(200).json()
        .getInt("timeout_seconds")).as("the valid update was not applied either")
        .isEqualTo(a.getInt("timeout_seconds"));
    assertThat(api.get("/api/v1/admin/subscribers/" + id(b)).expect(200).json()
        .getInt("max_retries")).isEqualTo(b.getInt("max_retries"));

    assertThat(fields(problem(api.post(IMPORT, Json.obj().add("format", "other")
        .add("version", 2).build()), 400))).contains("format", "version");

    // a filter rule that is no condition (a number here) is refused as on a PUT
    assertThat(fields(problem(api.post(IMPORT, Json.obj().add("format", "autowebhook-config")
        .add("version", 1).add("subscribers", Json.arr()).add("templates", Json.arr())
        .add("configs", Json.arr().add(Json.obj().add("model", MODEL)
            .add("filter", "total_amount"))).build()), 400)))
        .contains("configs[0].filter").contains("gives a number");
    problem(api.send("POST", IMPORT, "application/json", "{\"subscribers\": 3}"), 400);
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void aDryRunChecksAndReportsButChangesNothing() {
    JsonObject a = subscriber(null);
    String newName = Fixtures.unique("new");
    String template = Fixtures.unique("tpl");
    JsonObject doc = Json.obj().add("format", "autowebhook-config").add("version", 1)
        .add("subscribers", Json.arr()
            .add(Json.obj().add("name", a.getString("name")).add("timeout_seconds", 12))
            .add(Json.obj().add("name", newName).add("endpoint_url", "https://ok.example.com/")))
        .add("templates", Json.arr().add(Json.obj().add("name", template).add("body", BODY)
            .add("model", MODEL)))
        .add("configs", Json.arr().add(Json.obj().add("model", MODEL)
            .add("subscribers", Json.arr().add(newName).add(a.getString("name")))
            .add("template", template)))
        .build();
    List<Integer> before = rows();

    JsonObject out = api.post(IMPORT + "?dry_run=true", doc).expect(200).json();
    assertThat(out.getBoolean("dry_run")).isTrue();
    JsonObject s = out.getJsonObject("subscribers");
    assertThat(s.getInt("created")).isEqualTo(1);
    assertThat(s.getInt("updated")).isEqualTo(1);
    assertThat(s.getJsonArray("created_names").getString(0)).isEqualTo(newName);
    assertThat(s.getJsonArray("updated_names").getString(0)).isEqualTo(a.getString("name"));
    assertThat(out.getJsonObject("templates").getInt("created")).isEqualTo(1);
    assertThat(out.getJsonObject("configs").getJsonArray("created_names").getString(0))
        .isEqualTo(MODEL);
    assertThat(rows()).isEqualTo(before);
    assertThat(api.get("/api/v1/admin/subscribers/" + id(a)).expect(200).json()
        .getInt("timeout_seconds")).isEqualTo(a.getInt("timeout_seconds"));
    problem(api.post(IMPORT + "?dry_run=maybe", doc), 400);
    assertThat(fields(problem(api.post(IMPORT + "?dry_run=true", with(doc, "templates",
        "name", template, o -> o.add("body", "{{#if}}"))), 400))).contains("templates[0].body");

    // the same document for real: everything that the dry run announced
    JsonObject done = api.post(IMPORT, doc).expect(200).json();
    fx.cleanup(() -> api.get("/api/v1/admin/subscribers").jsonArray().stream()
        .map(JsonValue::asJsonObject).filter(o -> o.getString("name").equals(newName))
        .forEach(o -> api.delete("/api/v1/admin/subscribers/" + id(o))));
    fx.cleanup(() -> api.get("/api/v1/admin/templates").jsonArray().stream()
        .map(JsonValue::asJsonObject).filter(o -> o.getString("name").equals(template))
        .forEach(o -> api.delete("/api/v1/admin/templates/" + id(o))));
    assertThat(done.getBoolean("dry_run")).isFalse();
    assertThat(jakarta.json.Json.createObjectBuilder(done).remove("dry_run").build())
        .isEqualTo(jakarta.json.Json.createObjectBuilder(out).remove("dry_run").build());
    assertThat(rows()).isEqualTo(List.of(before.get(0) + 1, before.get(1) + 1,
        before.get(2) + 1, before.get(3) + 1));
    JsonObject config = fx.config(MODEL);
    assertThat(config.getJsonArray("subscriber_ids")).hasSize(2);
    assertThat(config.getJsonNumber("template_id")).isNotNull();
    assertThat(api.get("/api/v1/admin/subscribers/" + id(a)).expect(200).json()
        .getInt("timeout_seconds")).isEqualTo(12);
  }
}
