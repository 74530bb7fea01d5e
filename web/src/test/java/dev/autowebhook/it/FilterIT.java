package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Receiver;
import dev.autowebhook.it.support.Receiver.Received;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A config's filter rule in the real delivery path: only events whose payload matches reach the
 * config's subscribers; an invalid rule is refused on save and nothing is saved.
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
}
