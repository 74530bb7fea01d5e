package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Browser;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Receiver;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The admin's whole path in a real browser: create a subscriber (field messages first, secrets
 * write-only, signing secret shown once), Test Connection, link it in the sale.order config, see a
 * sale order changed through the API delivered on the Events page, then make the subscriber fail,
 * find the dead letter and retry it from the UI. A viewer sees the forms read-only.
 */
class UiSubscribersIT extends DeliveryTestBase {

  static final Duration WAIT = Duration.ofSeconds(30);

  long subscriberId(String name) {
    return api.get("/api/v1/admin/subscribers").expect(200).jsonArray().stream()
        .map(JsonValue::asJsonObject).filter(s -> s.getString("name").equals(name))
        .mapToLong(s -> s.getJsonNumber("id").longValue()).findFirst().orElse(-1);
  }

  @Test
  void createLinkDeliverFailAndRetryFromTheUi() {
    String path = Receiver.newPath();
    String name = Fixtures.unique("ui-sub");
    String token = "tok-" + Fixtures.unique("secret");
    try (Browser b = Browser.open(server)) {
      b.loginAsAdmin();
      b.click(By.id("navSubscribers"));
      b.click(By.id("subs:new"));
      b.waitText(By.tagName("h1"), "New subscriber");

      // a bad URL: the message sits next to the field and nothing is saved
      b.type(By.id("sub:name"), name);
      b.type(By.id("sub:endpoint_url"), "ftp://nowhere");
      b.choose("sub:auth_type", "Bearer token");
      b.waitVisible(By.id("sub:auth_token"));
      b.type(By.id("sub:auth_token"), token);
      b.click(By.id("sub:save"));
      b.waitText(By.id("sub:endpoint_url_msg"), "must be an http:// or https:// URL");
      assertThat(subscriberId(name)).isEqualTo(-1);

      b.type(By.id("sub:endpoint_url"), receiver.url(path));
      b.type(By.id("sub:auth_token"), token);
      b.click(By.id("sub:save"));
      String secret = b.waitVisible(By.id("signingSecret")).getText().trim();
      assertThat(secret).startsWith("whsec_");
      long id = subscriberId(name);
      assertThat(id).isPositive();
      fx.cleanup(() -> api.delete("/api/v1/admin/subscribers/" + id));
      assertThat(api.get("/api/v1/admin/audit?action=subscriber.create").expect(200).body())
          .contains("\"" + id + "\"").contains("\"actor\":\"admin\"");

      // write-only: neither the token nor the signing secret ever comes back to the page
      b.go("/admin/subscriber.xhtml?id=" + id);
      b.waitText(By.id("sub"), "stored");
      assertThat(b.driver().getPageSource()).doesNotContain(token).doesNotContain(secret)
          .doesNotContain(secret.substring(6));

      // Test Connection with its diagnosis
      b.click(By.id("navSubscribers"));
      b.click(By.xpath("//tr[td//a[text()='" + name + "']]//button[contains(@id,':test')]"));
      b.waitText(By.id("subs:tested"), "OK");
      assertThat(receiver.awaitRequests(path, 1, WAIT).get(0).header("authorization"))
          .isEqualTo("Bearer " + token);

      // rotate: a new secret, shown once
      b.click(By.xpath("//tr[td//a[text()='" + name + "']]//button[contains(@id,':rotate')]"));
      b.waitVisible(By.id("rotateForm:grace_seconds"));
      b.type(By.id("rotateForm:grace_seconds"), "-5");
      b.click(By.id("rotateForm:confirm"));
      b.waitText(By.id("rotateForm"), "must be between 0");
      b.type(By.id("rotateForm:grace_seconds"), "0");
      b.click(By.id("rotateForm:confirm"));
      String rotated = b.waitVisible(By.id("rotatedSecret")).getText().trim();
      assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
      b.click(By.id("rotateForm:done"));
      b.waiter().until(d -> !b.find(By.id("rotateDialog")).isDisplayed());

      // link it in the sale.order config through the UI
      JsonObject config = fx.config("sale.order");
      long configId = config.getJsonNumber("id").longValue();
      List<Long> before = config.getJsonArray("subscriber_ids").getValuesAs(JsonNumber.class)
          .stream().map(JsonNumber::longValue).toList();
      fx.cleanup(() -> {
        var ids = Json.arr();
        before.forEach(ids::add);
        api.put("/api/v1/admin/configs/" + configId, Json.obj().add("subscriber_ids", ids)
            .build()).expect(200);
      });
      b.click(By.id("navConfigs"));
      b.click(By.xpath("//a[text()='sale.order']"));
      b.waitText(By.tagName("h1"), "sale.order");
      b.click(By.id("config:subscriber_ids"));
      b.click(By.xpath("//div[@id='config:subscriber_ids_panel']//li[@data-item-value='" + id
          + "']//div[contains(@class,'ui-chkbox-box')]"));
      b.click(By.tagName("h1"));
      // an invalid filter rule is refused next to the field, nothing saved
      b.type(By.id("config:filter"), "record.amount_total >");
      b.click(By.id("config:save"));
      b.waiter().until(d -> !b.find(By.id("config:filter_msg")).getText().isBlank());
      assertThat(api.get("/api/v1/admin/configs/" + configId).expect(200).json()
          .getJsonArray("subscriber_ids").toString()).doesNotContain(String.valueOf(id));
      b.find(By.id("config:filter")).clear();
      b.click(By.id("config:save"));
      b.waiter().until(d -> api.get("/api/v1/admin/configs/" + configId).expect(200).json()
          .getJsonArray("subscriber_ids").getValuesAs(JsonNumber.class).stream()
          .anyMatch(n -> n.longValue() == id));

      // a sale order changed through the API: delivered, and shown so on the Events page
      fx.saleOrder(Fixtures.unique("SO-UI"), fx.partner(Fixtures.unique("UiSubPartner")));
      JsonObject sent = fx.awaitDelivery(id, "sent", WAIT);
      b.go("/admin/events.xhtml");
      b.waitText(By.cssSelector("tr[data-rk='" + sent.getJsonNumber("id") + "']"), "sent");

      // make it fail: no retries, the receiver answers 500 → a dead letter
      receiver.setDefault(path, Receiver.Reply.status(500));
      b.go("/admin/subscriber.xhtml?id=" + id);
      // an out-of-range value is refused next to its field
      b.script("PF(arguments[0]).setValue(arguments[1]);", "max_retries_widget", 50);
      b.click(By.id("sub:save"));
      b.waitText(By.id("sub:max_retries_msg"), "must be at most 20");
      b.script("PF(arguments[0]).setValue(arguments[1]);", "max_retries_widget", 0);
      b.click(By.id("sub:save"));
      b.waitText(By.id("sub:messages"), "saved");
      assertThat(api.get("/api/v1/admin/subscribers/" + id).expect(200).json()
          .getInt("max_retries")).isZero();
      fx.saleOrder(Fixtures.unique("SO-UI"), fx.partner(Fixtures.unique("UiSubPartner")));
      JsonObject dead = fx.awaitDelivery(id, "dead", WAIT);
      String deadId = dead.getJsonNumber("id").toString();
      b.click(By.id("navDead"));
      b.waitText(By.cssSelector("tr[data-rk='" + deadId + "']"), name);

      receiver.setDefault(path, Receiver.Reply.ok());
      b.click(By.cssSelector("tr[data-rk='" + deadId + "'] [id$=':retry']"));
      b.waitText(By.id("deliveries:msgs"), "queued for an attempt now");
      fx.awaitDelivery(id, "sent", WAIT);
      b.go("/admin/event.xhtml?id=" + deadId);
      b.waitText(By.id("ev:status"), "sent");
      assertThat(b.find(By.id("attempts")).getText()).contains("manual");
      b.screenshot("subscriber-scenario-event");

      b.click(By.id("navSubscribers"));
      b.find(By.xpath("//tr[td//a[text()='" + name + "']]"));
      b.screenshot("subscribers");
      b.go("/admin/subscriber.xhtml?id=" + id);
      b.waitText(By.id("sub"), "stored");
      b.screenshot("subscriber-edit");
    }
  }

  @Test
  void viewersSeeSubscribersAndConfigsReadOnly() {
    String viewer = Fixtures.unique("ui-viewer");
    api.post("/api/v1/admin/users", Json.obj().add("username", viewer)
        .add("password", "viewer-pass-1").add("role", "webhook-viewer").build()).expect(201);
    try (Browser b = Browser.open(server)) {
      b.login(viewer, "viewer-pass-1");
      b.click(By.id("navSubscribers"));
      b.find(By.id("subs:table"));
      assertThat(b.present(By.id("subs:new"))).isFalse();
      assertThat(b.findAll(By.cssSelector("[id$=':test'], [id$=':delete'], [id$=':disable']")))
          .isEmpty();
      b.click(By.xpath("//a[text()='default']"));
      b.waitText(By.tagName("h1"), "Subscriber");
      assertThat(b.present(By.id("sub:save"))).isFalse();
      assertThat(b.find(By.id("sub:name")).getAttribute("disabled")).isNotNull();

      b.click(By.id("navConfigs"));
      b.click(By.xpath("//a[text()='sale.order']"));
      b.waitText(By.tagName("h1"), "sale.order");
      assertThat(b.present(By.id("config:save"))).isFalse();
    }
  }
}
