package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Browser;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Poll;
import dev.autowebhook.it.support.Receiver;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The dashboard in a real browser: counts, the throughput/latency charts and the subscriber
 * health table follow real deliveries without a page reload; the REST twins answer the same
 * figures. Saves the dashboard screenshot (web/target/screenshots/dashboard.png).
 */
class UiDashboardIT extends DeliveryTestBase {

  static final Duration WAIT = Duration.ofSeconds(30);

  long count(Browser b, String status) {
    return Long.parseLong(b.find(By.id("count-" + status)).getText().trim());
  }

  @Test
  void figuresFollowDeliveriesWithoutAReloadAndMatchTheApi() {
    String ok = Receiver.newPath();
    String failing = Receiver.newPath();
    receiver.setDefault(failing, Receiver.Reply.status(500));
    JsonObject good = fx.subscriber(receiver.url(ok), null);
    JsonObject bad = fx.subscriber(receiver.url(failing),
        Json.obj().add("max_retries", 0));
    long goodId = good.getJsonNumber("id").longValue();
    long badId = bad.getJsonNumber("id").longValue();
    fx.attach("res.partner", goodId);
    fx.attach("res.partner", badId);

    try (Browser b = Browser.open(server)) {
      b.loginAsAdmin();
      b.find(By.id("dash:throughput"));
      long sentBefore = count(b, "sent");
      long deadBefore = count(b, "dead");
      b.script("window.__notReloaded = true;");

      fx.partner(Fixtures.unique("Dash"));
      fx.awaitDelivery(goodId, "sent", WAIT);
      fx.awaitDelivery(badId, "dead", WAIT);

      // the 10 s poll brings the new figures into the same page
      b.waiter().withTimeout(WAIT).until(d -> count(b, "sent") > sentBefore
          && count(b, "dead") > deadBefore);
      assertThat(b.script("return window.__notReloaded === true;")).isEqualTo(true);

      String health = b.waitText(By.id("dash:health"), bad.getString("name"));
      assertThat(health).contains(good.getString("name"));
      // the recorder writes each subscriber's latest success / failure
      b.waiter().withTimeout(WAIT).until(d -> b.find(By.id("dash:health")).getText()
          .contains("HTTP 500"));

      // the per-minute figures are flushed every 5 s; the charts show them after a poll
      JsonObject timeline = Poll.until(WAIT, "the timeline counts the attempts",
          () -> api.get("/api/v1/admin/stats/timeline").expect(200).json(),
          t -> t.getJsonNumber("sent").longValue() >= 1
              && t.getJsonNumber("dead").longValue() >= 1);
      assertThat(timeline.getString("window")).isEqualTo("hour");
      assertThat(timeline.getInt("bucket_seconds")).isEqualTo(60);
      assertThat(timeline.getJsonArray("points")).hasSize(60);
      assertThat(timeline.getJsonNumber("latency_p50_ms")).as(timeline.toString()).isNotNull();
      assertThat(api.get("/api/v1/admin/stats/timeline?window=day").expect(200).json()
          .getJsonArray("points")).hasSize(96);
      ValidationIT.problem(api.get("/api/v1/admin/stats/timeline?window=week"), 400);

      JsonObject badHealth = api.get("/api/v1/admin/stats/subscribers").expect(200).jsonArray()
          .stream().map(JsonValue::asJsonObject)
          .filter(h -> h.getJsonNumber("subscriber_id").longValue() == badId)
          .findFirst().orElseThrow();
      assertThat(badHealth.getString("last_failure")).contains("HTTP 500");
      assertThat(badHealth.getJsonNumber("dead").longValue()).isEqualTo(1);
      assertThat(badHealth.isNull("last_success_at")).isTrue();

      b.click(By.xpath("//div[@id='dash:window']//span[text()='Last day']"));
      b.waitText(By.id("window-totals"), "sent");
      b.waitText(By.cssSelector("#dash\\:figures h2"), "15 minutes");
      b.waiter().withTimeout(WAIT).until(d -> b.find(By.id("window-totals")).getText()
          .matches("(?s).*[1-9][0-9]* sent.*"));
      b.script("window.scrollTo(0, 0);");
      b.screenshot("dashboard");
    }
  }
}
