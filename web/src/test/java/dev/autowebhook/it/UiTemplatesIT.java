package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Browser;
import dev.autowebhook.it.support.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The template editor in a real browser: the live preview renders a real sale order while typing,
 * a broken template shows its error at the reported line and column, saves go through the same
 * validation as the API (messages next to the fields), and viewers may look but not save.
 */
class UiTemplatesIT {

  static final AppServer server = AppServer.shared();
  static final String BODY = "{\"order\": \"{{data.name}}\", \"total\": {{json data.amount_total}} }";

  Api api;
  Fixtures fx;
  final List<String> names = new ArrayList<>();

  @BeforeEach
  void setUp() {
    api = server.admin();
    fx = new Fixtures(api);
  }

  @AfterEach
  void tearDown() {
    for (JsonValue v : api.get(TemplatesIT.PATH).expect(200).jsonArray()) {
      if (names.contains(v.asJsonObject().getString("name"))) {
        api.delete(TemplatesIT.PATH + "/" + v.asJsonObject().getJsonNumber("id"));
      }
    }
    fx.close();
  }

  JsonObject template(String name) {
    for (JsonValue v : api.get(TemplatesIT.PATH).expect(200).jsonArray()) {
      if (v.asJsonObject().getString("name").equals(name)) {
        return v.asJsonObject();
      }
    }
    return null;
  }

  /** Picks an option of a PrimeFaces select menu by its label. */
  static void choose(Browser b, String menuId, String label) {
    b.choose(menuId, label);
  }

  @Test
  void adminWritesATemplateAgainstARealRecordAndSavesIt() {
    String orderName = Fixtures.unique("SO-UI");
    long orderId = fx.saleOrder(orderName, fx.partner(Fixtures.unique("UiTplCo")))
        .getJsonNumber("id").longValue();
    String name = Fixtures.unique("ui-tpl");
    names.add(name);
    try (Browser b = Browser.open(server)) {
      b.loginAsAdmin();
      b.go("/admin/template.xhtml");
      b.waitText(By.className("aw-title"), "New template");
      choose(b, "tpl:model", "sale.order");
      choose(b, "tpl:previewRecord", "#" + orderId);

      // the preview follows the typing: the real order's values, as valid JSON
      b.type(By.id("tpl:body"), BODY);
      b.waitText(By.id("previewOutput"), orderName);
      assertThat(b.waitText(By.id("previewOutput"), "\"total\": 240")).contains("\"order\"");
      b.waitVisible(By.id("tpl:jsonOk"));
      b.screenshot("template-editor-preview");

      // a broken template: the renderer's message and the line with a caret at the column
      b.type(By.id("tpl:body"), "{\n  \"order\": \"{{data.name}\"\n}");
      String error = b.waitText(By.id("tpl:previewError"), "line 2");
      assertThat(error).contains("column");
      assertThat(b.find(By.id("previewExcerpt")).getText()).startsWith("2 |").contains("^");
      assertThat(b.present(By.id("previewOutput"))).isFalse();
      b.screenshot("template-editor-error");

      // saving checks like the API does: the message sits next to the field
      b.type(By.id("tpl:body"), BODY);
      b.waitText(By.id("previewOutput"), orderName);
      b.click(By.id("tpl:save"));
      b.waitText(By.id("tpl"), "must not be blank");
      assertThat(template(name)).isNull();

      b.type(By.id("tpl:name"), name);
      b.click(By.id("tpl:save"));
      b.waitUrlContains("id=");
      b.waitText(By.cssSelector(".ui-growl"), "saved");
      JsonObject saved = template(name);
      assertThat(saved).isNotNull();
      assertThat(saved.getString("model")).isEqualTo("sale.order");
      assertThat(saved.getString("body")).isEqualTo(BODY);

      // edit from the list
      b.go("/admin/templates.xhtml");
      b.waitText(By.id("templates:table"), name);
      b.click(By.linkText(name));
      b.waitText(By.className("aw-title"), "Template " + name);
      b.waitText(By.id("previewOutput"), orderName);
      b.type(By.id("tpl:body"), "{\"ref\": \"{{data.name}}\", \"kind\": \"{{event}}\"}");
      b.waitText(By.id("previewOutput"), "\"kind\": \"update\"");
      b.click(By.id("tpl:save"));
      b.waitText(By.cssSelector(".ui-growl"), "saved (version");
      assertThat(template(name).getString("body")).contains("\"kind\"");
      b.go("/admin/templates.xhtml");
      assertThat(b.waitText(By.id("templates:table"), name)).contains("sale.order");
      b.screenshot("templates");
    }
  }

  @Test
  void viewersPreviewButNeitherSaveNorDelete() {
    String name = Fixtures.unique("ui-tpl-ro");
    names.add(name);
    long id = api.post(TemplatesIT.PATH, Json.obj().add("name", name).add("body", BODY)
        .add("model", "sale.order").build()).expect(201).json().getJsonNumber("id").longValue();
    fx.saleOrder(Fixtures.unique("SO-RO"), fx.partner(Fixtures.unique("UiRoCo")));
    String viewer = UiLoginIT.user("webhook-viewer");
    try (Browser b = Browser.open(server)) {
      b.login(viewer, "ui-pass-12345");
      b.go("/admin/templates.xhtml");
      b.waitText(By.id("templates:table"), name);
      assertThat(b.present(By.id("templates:new"))).isFalse();
      assertThat(b.findAll(By.cssSelector("[id$=':delete']"))).isEmpty();

      b.go("/admin/template.xhtml?id=" + id);
      b.waitText(By.id("previewOutput"), "\"order\"");
      assertThat(b.pageText()).contains("Read-only");
      assertThat(b.present(By.id("tpl:save"))).isFalse();
      assertThat(b.present(By.id("tpl:delete"))).isFalse();
    }
  }
}
