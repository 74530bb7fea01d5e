package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Browser;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Receiver;
import dev.autowebhook.it.support.Receiver.Received;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A config's filter rule in the real delivery path: only events whose payload matches reach the
 * config's subscribers; an invalid rule, or one that is no condition on the model's newest record,
 * is refused on save and nothing is saved; what a filter dropped shows on /metrics, in the config
 * (REST) and on the config page.
 */
class FilterIT extends DeliveryTestBase {

  static final Duration WAIT = Duration.ofSeconds(20);

  long order(long partner, String name, int quantity, int price) {
    return api.post("/api/v1/sale-orders", Json.obj().add("name", name)
        .add("partner_id", partner).add("lines", jakarta.json.Json.createArrayBuilder()
            .add(Json.obj().add("description", "Item").add("quantity", quantity)
                .add("price_unit", price)))
        .build()).expect(201).json().getJsonNumber("id").longValue();
  }

  @Test
  void onlyEventsMatchingTheRuleAreDelivered() {
    String path = Receiver.newPath();
    long sub = fx.subscriber(receiver.url(path), null).getJsonNumber("id").longValue();
    fx.attach("sale.order", sub);
    fx.configure("sale.order", Json.obj()
        .add("filter", "state == 'sale' && amount_total > 1000"));
    long partner = fx.partner(Fixtures.unique("Filter"));

    long small = order(partner, Fixtures.unique("SO-small"), 1, 100);
    long big = order(partner, Fixtures.unique("SO-big"), 10, 200);
    fx.put("/api/v1/sale-orders/" + small, Json.obj().add("state", "sale")).expect(200);
    fx.put("/api/v1/sale-orders/" + big, Json.obj().add("state", "sale")).expect(200);

    List<Received> got = receiver.awaitRequests(path, 1, WAIT);
    RateLimitIT.sleep(1500);
    got = receiver.requests(path);
    assertThat(got).hasSize(1);
    JsonObject body = got.get(0).json();
    assertThat(body.getJsonNumber("record_id").longValue()).isEqualTo(big);
    assertThat(body.getString("event")).isEqualTo("update");
    assertThat(body.getJsonObject("data").getString("state")).isEqualTo("sale");
    assertThat(fx.deliveries(sub)).hasSize(1);
  }

  @Test
  void anInvalidOrUnsafeRuleIsRefusedAndNothingIsSaved() {
    JsonObject before = fx.config("sale.order");
    for (String rule : List.of("state = 'sale'", "''.getClass()", "new('java.io.File', '/')",
        "state == ")) {
      JsonObject problem = ValidationIT.problem(api.put("/api/v1/admin/configs/"
          + before.getJsonNumber("id"), Json.obj().add("filter", rule).add("priority", "low")
          .build()), 400);
      assertThat(ValidationIT.fields(problem)).contains("filter");
    }
    assertThat(fx.config("sale.order")).isEqualTo(before);
  }

  @Test
  void aRuleThatIsNoConditionIsRefusedSayingWhatItGivesAndNothingIsSaved() {
    JsonObject before = fx.config("sale.order");
    String config = "/api/v1/admin/configs/" + before.getJsonNumber("id");
    for (String rule : List.of("amount_total >>> 5", "amount_total", "'x'", "state", "1 + 2",
        "[1,2]", "{}")) {
      JsonObject problem = ValidationIT.problem(api.put(config, Json.obj().add("filter", rule)
          .add("priority", "low").build()), 400);
      assertThat(ValidationIT.fields(problem)).as(rule).contains("\"field\":\"filter\"")
          .contains("not true or false; a filter must be a condition");
    }
    JsonObject shift = ValidationIT.problem(api.put(config, Json.obj()
        .add("filter", "amount_total >>> 5").build()), 400);
    assertThat(ValidationIT.fields(shift)).containsPattern("gives a number \\(-?\\d+\\) on (the"
        + " newest sale.order \\(id \\d+\\)|a sample sale.order)");
    // a new config is checked the same way (before its model's uniqueness)
    assertThat(ValidationIT.fields(ValidationIT.problem(api.post("/api/v1/admin/configs",
        Json.obj().add("model", "sale.order").add("events", Json.arr().add("create"))
            .add("filter", "amount_total >>> 5").build()), 400))).contains("\"filter\"");
    assertThat(fx.config("sale.order")).isEqualTo(before);

    try (Browser b = Browser.open(server)) {
      b.loginAsAdmin();
      b.go("/admin/config.xhtml?id=" + before.getJsonNumber("id"));
      b.waitText(By.tagName("h1"), "sale.order");
      b.type(By.id("config:filter"), "amount_total >>> 5");
      b.click(By.id("config:save"));
      b.waitText(By.id("config:filter_msg"), "gives a number");
    }
    assertThat(fx.config("sale.order")).isEqualTo(before);
  }

  @Test
  void whatTheFilterDropsIsCountedOnMetricsTheConfigAndItsPage() {
    String path = Receiver.newPath();
    long sub = fx.subscriber(receiver.url(path), null).getJsonNumber("id").longValue();
    fx.attach("sale.order", sub);
    fx.configure("sale.order", Json.obj().add("filter", "amount_total > 1000"));
    long partner = fx.partner(Fixtures.unique("Dropped"));
    Map<String, Double> metricsBefore = MetricsIT.metrics(api);
    JsonObject before = fx.config("sale.order");

    order(partner, Fixtures.unique("SO-small"), 1, 100); // dropped: no match
    long big = order(partner, Fixtures.unique("SO-big"), 10, 200);

    assertThat(receiver.awaitRequests(path, 1, WAIT).get(0).json().getJsonNumber("record_id")
        .longValue()).isEqualTo(big);
    JsonObject after = fx.config("sale.order");
    assertThat(number(after, "filter_dropped") - number(before, "filter_dropped")).isEqualTo(1);
    assertThat(number(after, "filter_errors")).isEqualTo(number(before, "filter_errors"));
    Map<String, Double> metricsAfter = MetricsIT.metrics(api);
    assertThat(delta(metricsBefore, metricsAfter, "no_match")).isEqualTo(1);
    assertThat(delta(metricsBefore, metricsAfter, "error")).isZero();

    // a rule that fails on some records (a regex that gives up): counted as an error
    fx.configure("sale.order", Json.obj().add("filter", "name =~ '((a+)+)+b'"));
    order(partner, "a".repeat(40) + Fixtures.unique(""), 1, 100);
    JsonObject failed = fx.config("sale.order");
    assertThat(number(failed, "filter_errors") - number(after, "filter_errors")).isEqualTo(1);
    assertThat(number(failed, "filter_dropped") - number(after, "filter_dropped")).isEqualTo(1);
    assertThat(delta(metricsAfter, MetricsIT.metrics(api), "error")).isEqualTo(1);

    try (Browser b = Browser.open(server)) {
      b.loginAsAdmin();
      b.go("/admin/config.xhtml?id=" + failed.getJsonNumber("id"));
      b.waitText(By.id("config:filter_dropped"), number(failed, "filter_dropped") + " events, "
          + number(failed, "filter_errors") + " of them because the rule failed");
    }
  }

  static long number(JsonObject config, String field) {
    return config.getJsonNumber(field).longValue();
  }

  static double delta(Map<String, Double> before, Map<String, Double> after, String reason) {
    String series = "autowebhook_filter_dropped_total{model=\"sale.order\",reason=\"" + reason
        + "\"}";
    assertThat(after).containsKey(series);
    return after.get(series) - before.getOrDefault(series, 0.0);
  }
}
