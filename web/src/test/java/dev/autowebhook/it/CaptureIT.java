package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Postgres;
import dev.autowebhook.it.support.Receiver;
import dev.autowebhook.it.support.Receiver.Received;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Capture is transactional: a rolled-back transaction leaves no event and no record, and many
 * changes to one record in one transaction become one event from the first old to the last new
 * values. Checked in the PostgreSQL tables themselves.
 */
class CaptureIT extends DeliveryTestBase {

  static final Duration WAIT = Duration.ofSeconds(20);
  static long count(String sql, String param) throws Exception {
    try (Connection c = Postgres.instance().connect("shared");
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, param);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void aRolledBackTransactionLeavesNoEventAndNoRecord() throws Exception {
    String good = Fixtures.unique("Committed-not");
    var answer = api.post("/api/v1/partners/batch", jakarta.json.Json.createArrayBuilder()
        .add(Json.obj().add("name", good))
        .add(Json.obj().add("name", Fixtures.unique("Bad")).add("email", "not-an-email"))
        .build().toString()).expect(400);
    assertThat(answer.header("content-type")).startsWith("application/problem+json");
    assertThat(answer.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("[1].email");
    assertThat(count("SELECT COUNT(*) FROM partner WHERE name = ?", good)).isZero();
    assertThat(count("SELECT COUNT(*) FROM aw_event WHERE payload LIKE ?", "%" + good + "%"))
        .isZero();

    // the same first item alone commits, with its event
    api.post("/api/v1/partners/batch", jakarta.json.Json.createArrayBuilder()
        .add(Json.obj().add("name", good)).build().toString()).expect(200);
    assertThat(count("SELECT COUNT(*) FROM partner WHERE name = ?", good)).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM aw_event WHERE payload LIKE ?", "%" + good + "%"))
        .isEqualTo(1);
  }

  @Test
  void manyChangesToOneRecordInOneTransactionBecomeOneEvent() throws Exception {
    String path = Receiver.newPath();
    long sub = fx.subscriber(receiver.url(path), null).getJsonNumber("id").longValue();
    long partner = fx.partner(Fixtures.unique("Coalesce"));
    String name = Fixtures.unique("SO");
    long order = fx.saleOrder(name, partner).getJsonNumber("id").longValue();
    fx.attach("sale.order", sub);

    api.post("/api/v1/sale-orders/batch", jakarta.json.Json.createArrayBuilder()
        .add(Json.obj().add("id", order).add("state", "sent"))
        .add(Json.obj().add("id", order).add("state", "sale").add("note", "rush"))
        .add(Json.obj().add("id", order).add("client_order_ref", "REF-1"))
        .build().toString()).expect(200);

    Received r = receiver.awaitRequests(path, 1, WAIT).get(0);
    JsonObject changes = r.json().getJsonObject("changes");
    assertThat(changes.keySet()).containsExactlyInAnyOrder("state", "note", "client_order_ref");
    assertThat(changes.getJsonObject("state").getString("old")).isEqualTo("draft");
    assertThat(changes.getJsonObject("state").getString("new")).isEqualTo("sale");
    Thread.sleep(1500);
    assertThat(receiver.requests(path)).hasSize(1);
    assertThat(count("SELECT COUNT(*) FROM aw_event WHERE model = 'sale.order' AND kind = 'UPDATE'"
        + " AND record_id = ?", String.valueOf(order))).isEqualTo(1);
  }

  @Test
  void lineEditsAreCapturedAsChangesOfTheOrder() {
    String path = Receiver.newPath();
    long sub = fx.subscriber(receiver.url(path), null).getJsonNumber("id").longValue();
    long partner = fx.partner(Fixtures.unique("Lines"));
    JsonObject order = fx.saleOrder(Fixtures.unique("SO"), partner);
    long id = order.getJsonNumber("id").longValue();
    long line = order.getJsonArray("lines").getJsonObject(0).getJsonNumber("id").longValue();
    fx.attach("sale.order", sub);

    api.put("/api/v1/sale-orders/" + id, Json.obj().add("lines", jakarta.json.Json
        .createArrayBuilder().add(Json.obj().add("id", line).add("quantity", 5))).build())
        .expect(200);
    JsonObject changes = receiver.awaitRequests(path, 1, WAIT).get(0).json()
        .getJsonObject("changes");
    assertThat(changes.keySet()).contains("lines", "amount_total");
    assertThat(changes.getJsonObject("amount_total").getJsonNumber("old").doubleValue())
        .isEqualTo(240.0);
    assertThat(changes.getJsonObject("amount_total").getJsonNumber("new").doubleValue())
        .isEqualTo(600.0);
  }
}
