package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Receiver;
import dev.autowebhook.it.support.Receiver.Received;
import dev.autowebhook.it.support.Receiver.Reply;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A config's template in the real delivery path: each subscriber receives the body the template
 * renders for it (signed as sent), retries send identical bytes, and a template in use cannot be
 * deleted.
 */
class TemplateDeliveryIT extends DeliveryTestBase {

  static final Duration WAIT = Duration.ofSeconds(20);
  static final String BODY = "{\"who\":\"{{data.name}}\",\"kind\":\"{{event}}\","
      + "\"to\":\"{{subscriber}}\",\"changes\":{{json changes}} }";

  @Test
  void eachSubscriberGetsTheRenderedBodyAndRetriesResendTheSameBytes() throws Exception {
    long template = api.post("/api/v1/admin/templates", Json.obj()
        .add("name", Fixtures.unique("tpl")).add("model", "res.partner").add("body", BODY)
        .build()).expect(201).json().getJsonNumber("id").longValue();
    String path = Receiver.newPath();
    receiver.respond(path, Reply.status(503));
    JsonObject sub = fx.subscriber(receiver.url(path), null);
    fx.attach("res.partner", sub.getJsonNumber("id").longValue());
    fx.configure("res.partner", Json.obj().add("template_id", template));

    String name = "Ann \"Q\" " + Fixtures.unique("x");
    long partner = fx.partner(name);
    List<Received> tries = receiver.awaitRequests(path, 2, WAIT);

    JsonObject body = tries.get(0).json();
    assertThat(body.getString("who")).isEqualTo(name);
    assertThat(body.getString("kind")).isEqualTo("create");
    assertThat(body.getString("to")).isEqualTo(sub.getString("name"));
    assertThat(tries.get(1).body()).as("the retry sends identical bytes")
        .isEqualTo(tries.get(0).body());
    DeliveryIT.assertSigned(tries.get(1), sub.getString("signing_secret"));

    fx.put("/api/v1/partners/" + partner, Json.obj().add("email", "new@example.com"))
        .expect(200);
    Received update = receiver.awaitRequests(path, 3, WAIT).get(2);
    assertThat(update.json().getJsonObject("changes").getJsonObject("email")
        .getString("new")).isEqualTo("new@example.com");

    JsonObject inUse = ValidationIT.problem(api.delete("/api/v1/admin/templates/" + template),
        409);
    assertThat(inUse.getString("detail")).contains("res.partner");
  }

  @Test
  void aConfigCannotUseAMissingTemplateOrOneOfAnotherModel() {
    long config = fx.config("res.partner").getJsonNumber("id").longValue();
    JsonObject missing = ValidationIT.problem(api.put("/api/v1/admin/configs/" + config,
        Json.obj().add("template_id", 987654321).build()), 400);
    assertThat(ValidationIT.fields(missing)).contains("template_id");
    long other = api.post("/api/v1/admin/templates", Json.obj()
        .add("name", Fixtures.unique("tpl")).add("model", "sale.order")
        .add("body", "{\"n\":\"{{data.name}}\"}").build()).expect(201).json()
        .getJsonNumber("id").longValue();
    try {
      JsonObject wrong = ValidationIT.problem(api.put("/api/v1/admin/configs/" + config,
          Json.obj().add("template_id", other).build()), 400);
      assertThat(ValidationIT.fields(wrong)).contains("sale.order");
      assertThat(fx.config("res.partner").isNull("template_id")).isTrue();
    } finally {
      api.delete("/api/v1/admin/templates/" + other).expect(204);
    }
  }
}
