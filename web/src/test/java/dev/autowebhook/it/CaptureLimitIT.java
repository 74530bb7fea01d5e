package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.ApiResponse;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Postgres;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A change whose event would be larger than {@code AUTOWEBHOOK_CAPTURE_MAX_PAYLOAD_BYTES} (the
 * default 1 MiB, on the shared server) is refused: the business request gets a 413 problem naming
 * the size and the limit (not the payload), neither the order nor its lines nor an event is in the
 * database, {@code autowebhook_capture_refused_total} counts it for the model, and the log says so
 * without the payload. No single field can carry 1 MiB (the longest text is 2000 characters), so
 * the order gets 1500 lines of 250 three-byte characters each; the same order with two lines is
 * saved.
 */
class CaptureLimitIT {

  static final String REFUSED = "autowebhook_capture_refused_total{model=\"sale.order\","
      + "reason=\"payload_too_large\"}";

  Api api;
  Fixtures fx;

  @BeforeEach
  void setUp() {
    api = AppServer.shared().admin();
    fx = new Fixtures(api);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  static JsonObject order(String name, long partner, String marker, int lines) {
    JsonArrayBuilder items = Json.arr();
    for (int i = 0; i < lines; i++) {
      items.add(Json.obj().add("description", marker + "\u20ac".repeat(250 - marker.length()))
          .add("quantity", 1).add("price_unit", 10).add("tax_rate", 0));
    }
    return Json.obj().add("name", name).add("partner_id", partner).add("note", marker)
        .add("lines", items).build();
  }

  @Test
  void aChangeOverTheLimitIsRefusedWith413AndNothingIsSaved() throws SQLException {
    long partner = fx.partner(Fixtures.unique("Big buyer"));
    String marker = "PAYLOAD-" + UUID.randomUUID();
    String name = Fixtures.unique("SO-big");
    double refusedBefore = MetricsIT.metrics(api).getOrDefault(REFUSED, 0.0);
    long events = count("SELECT count(*) FROM aw_event WHERE model = ?", "sale.order");
    long lines = count("SELECT count(*) FROM sale_order_line WHERE description LIKE ?",
        marker + "%");
    assertThat(lines).isZero();

    JsonObject body = order(name, partner, marker, 1500);
    ApiResponse r = api.post("/api/v1/sale-orders", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(413);
    assertThat(r.header("content-type")).startsWith("application/problem+json");
    JsonObject problem = r.json();
    assertThat(problem.getInt("status")).isEqualTo(413);
    String detail = problem.getString("detail");
    assertThat(detail).contains("sale.order", "1048576 bytes", "AUTOWEBHOOK_CAPTURE_MAX_PAYLOAD_BYTES")
        .containsPattern("event of \\d{7} bytes").doesNotContain(marker, "\u20ac");
    long size = Long.parseLong(detail.replaceAll(".*event of (\\d+) bytes.*", "$1"));
    assertThat(size).isGreaterThan(1_048_576).isLessThan(body.toString().length() * 4L);

    assertThat(count("SELECT count(*) FROM sale_order WHERE name = ?", name))
        .as("the order is rolled back with the refused event").isZero();
    assertThat(count("SELECT count(*) FROM sale_order_line WHERE description LIKE ?",
        marker + "%")).as("and its lines").isZero();
    assertThat(count("SELECT count(*) FROM aw_event WHERE model = ?", "sale.order"))
        .as("no event").isEqualTo(events);

    Map<String, Double> metrics = MetricsIT.metrics(api);
    assertThat(metrics.get(REFUSED)).as("counted in /metrics").isEqualTo(refusedBefore + 1);
    assertThat(AppServer.shared().logSinceStart())
        .contains("Capture refused: a create of sale.order would be an event of " + size
            + " bytes, over the limit of 1048576")
        .doesNotContain(marker);

    // the same order, small: saved, captured, not counted
    api.post("/api/v1/sale-orders", order(name, partner, marker, 2)).expect(201);
    assertThat(count("SELECT count(*) FROM sale_order WHERE name = ?", name)).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM aw_event WHERE model = ?", "sale.order"))
        .as("the counts above see saved rows").isEqualTo(events + 1);
    assertThat(MetricsIT.metrics(api).get(REFUSED)).isEqualTo(refusedBefore + 1);
  }

  static long count(String sql, String parameter) throws SQLException {
    try (Connection c = Postgres.instance().connect("shared");
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, parameter);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
