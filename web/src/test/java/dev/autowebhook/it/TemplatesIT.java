package dev.autowebhook.it;

import static dev.autowebhook.it.ValidationIT.fields;
import static dev.autowebhook.it.ValidationIT.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Payload templates through the admin API: saved only when they compile and render JSON, unique
 * by name, previewed against a real record, sandboxed, and writable by admins only.
 */
class TemplatesIT {

  static final String PATH = "/api/v1/admin/templates";
  static final String BODY = "{\"order\":\"{{data.name}}\",\"event\":\"{{event}}\","
      + "\"total\":{{json data.amount_total}},\"to\":\"{{subscriber}}\"}";

  Api api;
  Fixtures fx;
  final List<Long> created = new ArrayList<>();

  @BeforeEach
  void setUp() {
    api = AppServer.shared().admin();
    fx = new Fixtures(api);
  }

  @AfterEach
  void tearDown() {
    created.forEach(id -> api.delete(PATH + "/" + id));
    fx.close();
  }

  JsonObject create(String name, String body, String model) {
    var b = Json.obj().add("name", name).add("body", body);
    if (model != null) {
      b.add("model", model);
    }
    JsonObject t = api.post(PATH, b.build()).expect(201).json();
    created.add(t.getJsonNumber("id").longValue());
    return t;
  }

  int count() {
    return api.get(PATH).expect(200).jsonArray().size();
  }

  @Test
  void crudRoundTripAcceptsWhatGetReturned() {
    String name = Fixtures.unique("tpl");
    var r = api.post(PATH, Json.obj().add("name", name).add("body", BODY)
        .add("model", "sale.order").build()).expect(201);
    JsonObject t = r.json();
    long id = t.getJsonNumber("id").longValue();
    created.add(id);
    assertThat(r.header("location")).endsWith(PATH + "/" + id);
    assertThat(t.getString("name")).isEqualTo(name);
    assertThat(t.getString("body")).isEqualTo(BODY);
    assertThat(t.getString("model")).isEqualTo("sale.order");
    assertThat(t.getString("created_at")).isNotBlank();
    assertThat(t.getString("updated_at")).isNotBlank();

    JsonObject got = api.get(PATH + "/" + id).expect(200).json();
    assertThat(got).isEqualTo(t);
    assertThat(api.get(PATH).expect(200).jsonArray()).contains(got);

    JsonObject same = api.put(PATH + "/" + id, got).expect(200).json();
    assertThat(same.getString("body")).isEqualTo(BODY);
    assertThat(same.getString("name")).isEqualTo(name);

    String edited = "{\"id\":{{json record_id}} }";
    JsonObject changed = api.put(PATH + "/" + id, Json.obj().add("body", edited)
        .add("model", "").build()).expect(200).json();
    assertThat(changed.getString("body")).isEqualTo(edited);
    assertThat(changed.isNull("model")).isTrue();
    assertThat(changed.getString("name")).as("absent fields are kept").isEqualTo(name);
    assertThat(api.get("/api/v1/admin/audit?action=template.update").expect(200).body())
        .contains(name);

    api.delete(PATH + "/" + id).expect(204);
    created.remove(Long.valueOf(id));
    problem(api.get(PATH + "/" + id), 404);
    problem(api.delete(PATH + "/" + id), 404);
  }

  @Test
  void syntaxErrorsAreRefusedWithLineAndColumnAndNothingIsSaved() {
    int before = count();
    JsonObject p = problem(api.post(PATH, Json.obj().add("name", Fixtures.unique("bad"))
        .add("body", "{\n  \"a\": \"{{data.name}}\",\n  \"b\": \"{{#each data.lines}}\"\n}")
        .build()), 400);
    assertThat(fields(p)).contains("body").containsPattern("line \\d+, column \\d+");
    p = problem(api.post(PATH, Json.obj().add("name", Fixtures.unique("bad"))
        .add("body", "{\"a\":\n  \"{{data.name}\"}").build()), 400);
    assertThat(fields(p)).contains("line 2, column ");
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void templatesThatDoNotRenderJsonAreRefused() {
    int before = count();
    JsonObject p = problem(api.post(PATH, Json.obj().add("name", Fixtures.unique("bad"))
        .add("body", "{\"order\": {{data.name}} }").build()), 400);
    assertThat(fields(p)).contains("body", "does not render valid JSON");
    problem(api.post(PATH, Json.obj().add("name", Fixtures.unique("bad")).add("body", "  ")
        .build()), 400);
    problem(api.post(PATH, Json.obj().add("name", Fixtures.unique("bad")).add("body", "{}")
        .add("model", "no.such.model").build()), 400);
    problem(api.post(PATH, Json.obj().add("name", Fixtures.unique("bad"))
        .add("body", "{\"a\":\"" + "x".repeat(70_000) + "\"}").build()), 400);
    problem(api.post(PATH, Json.obj().add("name", Fixtures.unique("bad"))
        .add("body", "{\"a\":\"{{> secrets}}\"}").build()), 400);
    assertThat(count()).isEqualTo(before);

    long id = create(Fixtures.unique("ok"), BODY, null).getJsonNumber("id").longValue();
    problem(api.put(PATH + "/" + id, Json.obj().add("body", "[{{data.name}}]").build()), 400);
    problem(api.put(PATH + "/" + id, Json.obj().add("name", "n".repeat(101))
        .add("model", "sale.order").build()), 400);
    assertThat(api.get(PATH + "/" + id).json().getString("body")).as("nothing half-saved")
        .isEqualTo(BODY);
  }

  @Test
  void duplicateNamesConflict() {
    String name = Fixtures.unique("dup");
    long first = create(name, BODY, null).getJsonNumber("id").longValue();
    problem(api.post(PATH, Json.obj().add("name", name).add("body", "{}").build()), 409);
    long second = create(Fixtures.unique("dup"), "{}", null).getJsonNumber("id").longValue();
    problem(api.put(PATH + "/" + second, Json.obj().add("name", name).build()), 409);
    assertThat(api.get(PATH + "/" + first).json().getString("name")).isEqualTo(name);
  }

  @Test
  void previewRendersARealRecord() {
    String orderName = Fixtures.unique("SO");
    JsonObject order = fx.saleOrder(orderName, fx.partner(Fixtures.unique("Preview customer")));
    long recordId = order.getJsonNumber("id").longValue();
    long templateId = create(Fixtures.unique("preview"), BODY, "sale.order")
        .getJsonNumber("id").longValue();

    JsonObject saved = api.post(PATH + "/preview", Json.obj().add("template_id", templateId)
        .add("record_id", recordId).add("subscriber", "ERP").build()).expect(200).json();
    assertThat(saved.getBoolean("valid_json")).isTrue();
    assertThat(saved.isNull("json_error")).isTrue();
    JsonObject rendered = Json.parse(saved.getString("output"));
    assertThat(rendered.getString("order")).isEqualTo(orderName);
    assertThat(rendered.getString("event")).isEqualTo("update");
    assertThat(rendered.getString("to")).isEqualTo("ERP");
    assertThat(rendered.getJsonNumber("total").bigDecimalValue())
        .isEqualByComparingTo(order.getJsonNumber("amount_total").bigDecimalValue());

    JsonObject unsaved = api.post(PATH + "/preview", Json.obj()
        .add("body", "{{data.name}} was {{event}}d").add("model", "sale.order")
        .add("record_id", recordId).add("event", "create").build()).expect(200).json();
    assertThat(unsaved.getString("output")).isEqualTo(orderName + " was created");
    assertThat(unsaved.getBoolean("valid_json")).isFalse();
    assertThat(unsaved.getString("json_error")).isNotBlank();

    problem(api.post(PATH + "/preview", Json.obj().add("template_id", templateId)
        .add("record_id", 987654321L).build()), 404);
    problem(api.post(PATH + "/preview", Json.obj().add("template_id", 987654321L)
        .add("record_id", recordId).build()), 404);
    problem(api.post(PATH + "/preview", Json.obj().add("body", "{}").add("model", "no.such")
        .add("record_id", recordId).build()), 400);
    problem(api.post(PATH + "/preview", Json.obj().add("template_id", templateId)
        .add("record_id", recordId).add("event", "explode").build()), 400);
    problem(api.post(PATH + "/preview", Json.obj().add("body", "{{#if}}").add("model",
        "sale.order").add("record_id", recordId).build()), 400);
  }

  @Test
  void templatesCannotReachJavaObjects() {
    String orderName = Fixtures.unique("SO");
    long recordId = fx.saleOrder(orderName, fx.partner(Fixtures.unique("Sandbox customer")))
        .getJsonNumber("id").longValue();
    for (String probe : List.of("{{data.class}}", "{{data.class.name}}", "{{getClass}}",
        "{{this.class.classLoader}}", "{{data.name.bytes}}", "{{data.lines.class}}")) {
      JsonObject out = api.post(PATH + "/preview", Json.obj()
          .add("body", "{\"x\":\"" + probe + "\"}").add("model", "sale.order")
          .add("record_id", recordId).build()).expect(200).json();
      assertThat(out.getString("output")).as(probe).isEqualTo("{\"x\":\"\"}");
    }
  }

  @Test
  void viewersReadAndPreviewButCannotWrite() {
    String user = Fixtures.unique("tviewer");
    api.post("/api/v1/admin/users", Json.obj().add("username", user)
        .add("password", "viewer-pass-1").add("role", "webhook-viewer").build()).expect(201);
    Api viewer = AppServer.shared().api(user, "viewer-pass-1");
    JsonObject t = create(Fixtures.unique("ro"), BODY, null);
    long id = t.getJsonNumber("id").longValue();
    viewer.get(PATH).expect(200);
    viewer.get(PATH + "/" + id).expect(200);
    long recordId = fx.saleOrder(Fixtures.unique("SO"), fx.partner(Fixtures.unique("V")))
        .getJsonNumber("id").longValue();
    viewer.post(PATH + "/preview", Json.obj().add("template_id", id).add("model", "sale.order")
        .add("record_id", recordId).build()).expect(200);
    problem(viewer.post(PATH, Json.obj().add("name", Fixtures.unique("no")).add("body", "{}")
        .build()), 403);
    problem(viewer.put(PATH + "/" + id, t), 403);
    problem(viewer.delete(PATH + "/" + id), 403);
    problem(AppServer.shared().anonymous().get(PATH), 401);
    assertThat(api.get(PATH + "/" + id).json()).isEqualTo(t);
  }
}
