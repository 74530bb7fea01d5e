package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Browser;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Poll;
import dev.autowebhook.it.support.Receiver;
import dev.autowebhook.it.support.Receiver.Reply;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The events, event detail and dead-letter pages in a real headless Chromium against deliveries
 * to a loopback receiver: filtering by subscriber, the detail with payload, changes and attempts,
 * Retry Now and bulk retry of dead letters, and a viewer who can neither see nor forge a retry.
 */
class UiEventsIT extends DeliveryTestBase {

  static final Duration WAIT = Duration.ofSeconds(30);
  static final By TABLE = By.id("deliveries:table");

  record Sub(long id, String name, String path) {}

  Sub subscriber(Reply reply) {
    return subscriber(reply, true);
  }

  /** A subscriber of sale orders without retries; a disabled one keeps its deliveries pending. */
  Sub subscriber(Reply reply, boolean enabled) {
    String path = Receiver.newPath();
    receiver.setDefault(path, reply);
    JsonObject created = fx.subscriber(receiver.url(path), Json.obj().add("max_retries", 0)
        .add("timeout_seconds", 2).add("enabled", enabled));
    Sub s = new Sub(created.getJsonNumber("id").longValue(), created.getString("name"), path);
    fx.attach("sale.order", s.id());
    return s;
  }

  long saleOrder() {
    return fx.saleOrder(Fixtures.unique("SO"), fx.partner(Fixtures.unique("UiPartner")))
        .getJsonNumber("id").longValue();
  }

  List<JsonObject> awaitAll(Sub s, int count, String status) {
    return Poll.until(WAIT, count + " " + status + " deliveries for " + s.name(),
        () -> fx.deliveries(s.id()), list -> list.size() == count
            && list.stream().allMatch(d -> d.getString("status").equals(status)));
  }

  /** Chooses the subscriber in the toolbar and waits until the table shows only its rows. */
  static void filterBySubscriber(Browser b, Sub s, int rows) {
    b.choose("deliveries:subscriber_id", s.name());
    b.waiter().until(d -> {
      List<String> texts = rowTexts(b);
      return texts.size() == rows && texts.stream().allMatch(t -> t.contains(s.name()));
    });
  }

  static List<String> rowTexts(Browser b) {
    return b.findAll(By.cssSelector("[id='deliveries:table_data'] tr[data-ri]")).stream()
        .map(WebElement::getText).toList();
  }

  static String rowText(Browser b, long deliveryId) {
    return b.find(By.cssSelector("[id='deliveries:table_data'] tr[data-rk='" + deliveryId + "']"))
        .getText();
  }

  @Test
  void aDeliveredChangeIsListedWithItsPayloadChangesAndAttempt() {
    Sub s = subscriber(Reply.ok().body("{\"ok\":true}"));
    long order = saleOrder();
    awaitAll(s, 1, "sent");
    api.put("/api/v1/sale-orders/" + order, Json.obj().add("state", "sale")
        .add("client_order_ref", "PO-UI-7").build()).expect(200);
    JsonObject update = awaitAll(s, 2, "sent").get(0);
    long id = update.getJsonNumber("id").longValue();
    assertThat(update.getString("event")).isEqualTo("update");

    try (Browser b = Browser.open(server)) {
      b.loginAsAdmin();
      b.click(By.id("navEvents"));
      b.waitText(By.tagName("h1"), "Events");
      filterBySubscriber(b, s, 2);
      assertThat(rowText(b, id)).contains("update", "sale.order", Long.toString(order), "sent", "200",
          "high");
      b.screenshot("events");

      b.click(By.cssSelector("tr[data-rk='" + id + "'] a.aw-open"));
      b.waitText(By.tagName("h1"), "Delivery " + id);
      b.waitText(By.id("ev:status"), "sent");
      b.screenshot("event-detail");
      assertThat(b.find(By.id("facts")).getText()).contains(update.getString("event_id"),
          s.name(), "sale.order", Long.toString(order), "update");
      assertThat(b.find(By.id("payload")).getText()).contains("\"client_order_ref\": \"PO-UI-7\"",
          "\"event\": \"update\"");
      String changes = b.find(By.id("ev:changes")).getText();
      assertThat(changes).contains("state", "draft", "sale", "client_order_ref", "PO-UI-7");
      String attempts = b.find(By.id("attempts")).getText();
      assertThat(attempts).contains("Attempt 1", "automatic", "sent", "HTTP 200",
          receiver.url(s.path()), "{\"ok\":true}");
      b.find(By.cssSelector("#attempts details summary")).click();
      b.waitText(By.cssSelector("#attempts .aw-kv"), "webhook-signature");
      assertThat(b.present(By.id("ev:retry"))).as("a sent delivery can be sent again").isTrue();
      assertThat(b.present(By.id("ev:bury"))).isFalse();
      b.script("document.getElementById('attempts').scrollIntoView();");
      b.screenshot("event-detail-attempts");

      b.go("/admin/event.xhtml?id=999999999");
      b.waitText(By.id("ev:msgs"), "No delivery 999999999");
      assertThat(b.present(By.id("ev:detail"))).isFalse();
    }
  }

  @Test
  void aDeadLetterIsRetriedFromTheUiAndTwoAreRetriedInBulk() {
    Sub s = subscriber(Reply.status(500).body("{\"error\":\"down\"}"));
    saleOrder();
    long first = awaitAll(s, 1, "dead").get(0).getJsonNumber("id").longValue();

    try (Browser b = Browser.open(server)) {
      b.loginAsAdmin();
      b.click(By.id("navDead"));
      b.waitText(By.tagName("h1"), "Dead letters");
      assertThat(b.present(By.id("deliveries:status"))).as("the status is fixed").isFalse();
      filterBySubscriber(b, s, 1);
      assertThat(rowText(b, first)).contains("dead", "500");

      receiver.setDefault(s.path(), Reply.ok());
      b.click(By.cssSelector("tr[data-rk='" + first + "'] [id$=':retry']"));
      b.waitText(By.id("deliveries:msgs"), "Delivery " + first + " queued for an attempt now");
      JsonObject sent = awaitAll(s, 1, "sent").get(0);
      assertThat(sent.getInt("attempts")).isEqualTo(2);
      assertThat(fx.attempts(first).get(1).getString("trigger")).isEqualTo("manual");

      // two more dead letters, retried together
      receiver.setDefault(s.path(), Reply.status(503));
      saleOrder();
      saleOrder();
      Poll.until(WAIT, "two dead letters", () -> fx.deliveries(s.id()),
          l -> l.size() == 3 && l.stream().filter(d -> d.getString("status").equals("dead"))
              .count() == 2);
      receiver.setDefault(s.path(), Reply.ok());
      b.go("/admin/dead-letters.xhtml");
      filterBySubscriber(b, s, 2);
      b.click(By.id("deliveries:retrySelected"));
      b.waitText(By.id("deliveries:msgs"), "Nothing to retry");
      for (WebElement box : b.findAll(By.cssSelector(
          "[id='deliveries:table_data'] tr[data-ri] .ui-chkbox-box"))) {
        box.click();
      }
      b.waiter().until(d -> b.findAll(By.cssSelector(
          "[id='deliveries:table_data'] tr.ui-state-highlight")).size() == 2);
      b.click(By.id("deliveries:retrySelected"));
      b.waitText(By.id("deliveries:msgs"), "2 deliveries queued for an attempt now");
      awaitAll(s, 3, "sent");
      b.go("/admin/dead-letters.xhtml");
      b.waitText(By.tagName("h1"), "Dead letters");
      assertThat(b.find(TABLE).getText()).doesNotContain(s.name());
    }
  }

  @Test
  void aPendingDeliveryIsNotRetriedInBulkButCanBeMovedToTheDeadLetterQueue() {
    Sub s = subscriber(Reply.ok(), false);
    saleOrder();
    long id = awaitAll(s, 1, "pending").get(0).getJsonNumber("id").longValue();

    try (Browser b = Browser.open(server)) {
      b.loginAsAdmin();
      b.go("/admin/events.xhtml");
      filterBySubscriber(b, s, 1);
      assertThat(b.present(By.cssSelector("tr[data-rk='" + id + "'] [id$=':retry']"))).isFalse();
      b.click(By.cssSelector("tr[data-rk='" + id + "'] .ui-chkbox-box"));
      b.waitVisible(By.cssSelector("tr[data-rk='" + id + "'].ui-state-highlight"));
      b.click(By.id("deliveries:retrySelected"));
      b.waitText(By.id("deliveries:msgs"), "only failed, dead or sent deliveries can be retried");
      assertThat(rowText(b, id)).contains("pending");

      b.click(By.cssSelector("tr[data-rk='" + id + "'] [id$=':bury']"));
      b.click(By.id("deliveries:confirmYes"));
      b.waitText(By.id("deliveries:msgs"), "Delivery " + id + " moved to the dead-letter queue");
      b.waitText(By.cssSelector("tr[data-rk='" + id + "']"), "dead");
    }
    assertThat(api.get("/api/v1/admin/events/" + id).expect(200).json().getString("status"))
        .isEqualTo("dead");
  }

  @Test
  void aViewerSeesNoRetryAndCannotForgeOne() {
    Sub s = subscriber(Reply.status(500));
    saleOrder();
    long id = awaitAll(s, 1, "dead").get(0).getJsonNumber("id").longValue();
    String viewer = Fixtures.unique("ui-viewer");
    api.post("/api/v1/admin/users", Json.obj().add("username", viewer)
        .add("password", "ui-pass-12345").add("role", "webhook-viewer").build()).expect(201);

    try (Browser b = Browser.open(server)) {
      b.login(viewer, "ui-pass-12345");
      b.go("/admin/dead-letters.xhtml");
      filterBySubscriber(b, s, 1);
      assertThat(b.present(By.cssSelector("[id$=':retry']"))).isFalse();
      assertThat(b.present(By.cssSelector("[id$=':bury']"))).isFalse();
      assertThat(b.present(By.id("deliveries:retrySelected"))).isFalse();
      assertThat(b.present(By.id("deliveries:retryPage"))).isFalse();
      assertThat(b.present(By.cssSelector("[id='deliveries:table'] .ui-chkbox"))).isFalse();

      b.go("/admin/event.xhtml?id=" + id);
      b.waitText(By.id("ev:status"), "dead");
      assertThat(b.present(By.id("ev:retry"))).isFalse();
      // what a hand-made request for the hidden button would send
      b.script("PrimeFaces.ab({s: 'ev:retry', f: 'ev', p: 'ev:retry', u: 'ev'});");
      b.waitAjax();
      b.go("/admin/dead-letters.xhtml");
      b.script("PrimeFaces.ab({s: 'deliveries:retryPage', f: 'deliveries', p: '@all',"
          + " u: 'deliveries'});");
      b.waitAjax();
    }
    JsonObject after = api.get("/api/v1/admin/events/" + id).expect(200).json();
    assertThat(after.getString("status")).isEqualTo("dead");
    assertThat(after.getInt("attempts")).isEqualTo(1);
    assertThat(receiver.requests(s.path())).hasSize(1);
  }
}
