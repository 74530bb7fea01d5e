package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Poll;
import dev.autowebhook.it.support.Postgres;
import dev.autowebhook.it.support.Receiver;
import dev.autowebhook.it.support.Receiver.Received;
import dev.autowebhook.it.support.Receiver.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A server killed (SIGKILL) in the middle of an HTTP attempt loses nothing: after restart the
 * delivery's lease expires and it is sent again with the same webhook-id. The restart also shows
 * that first-start seeding never overwrites an admin's edits.
 */
class CrashIT {

  AppServer server;
  Receiver receiver;

  @AfterEach
  void tearDown() {
    if (server != null) {
      server.stop();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void aDeliveryInFlightDuringACrashIsRedeliveredAfterTheLeaseExpires() throws Exception {
    Postgres pg = Postgres.instance();
    String db = "crash_" + System.nanoTime();
    server = AppServer.builder("crash").database(pg.createDatabase(db), pg.user(), pg.password())
        .env("AUTOWEBHOOK_LEASE_MARGIN_SECONDS", "2").build().start();
    receiver = Receiver.start();
    Api api = server.admin();
    Fixtures fx = new Fixtures(api);

    // first start seeded one default subscriber and nine configs; an admin edits one
    assertThat(api.get("/api/v1/admin/configs").expect(200).jsonArray()).hasSize(9);
    JsonObject config = fx.config("sale.order");
    api.put("/api/v1/admin/configs/" + config.getJsonNumber("id"),
        Json.obj().add("priority", "low").add("category", "edited").build()).expect(200);

    String path = Receiver.newPath();
    receiver.respond(path, Reply.ok().delayMillis(60_000)); // hangs: the node dies meanwhile
    long sub = fx.subscriber(receiver.url(path), Json.obj().add("timeout_seconds", 3))
        .getJsonNumber("id").longValue();
    fx.attach("sale.order", sub);
    long partner = fx.partner(Fixtures.unique("Crash"));
    fx.saleOrder(Fixtures.unique("SO"), partner);

    Received first = receiver.awaitRequests(path, 1, Duration.ofSeconds(20)).get(0);
    server.kill();
    try (Connection c = pg.connect(db); ResultSet rs = c.createStatement().executeQuery(
        "SELECT status FROM aw_delivery WHERE subscriber_id = " + sub)) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).as("leased by the dead node").isEqualTo("PROCESSING");
    }

    server.restart();
    List<Received> both = receiver.awaitRequests(path, 2, Duration.ofSeconds(60));
    assertThat(both.get(1).header("webhook-id")).isEqualTo(first.header("webhook-id"));
    assertThat(both.get(1).bodyText()).isEqualTo(first.bodyText());
    JsonObject sent = fx.awaitDelivery(sub, "sent", Duration.ofSeconds(30));
    assertThat(sent.getInt("attempts")).isEqualTo(1);

    // the restart did not re-seed nor overwrite the edit
    JsonObject after = fx.config("sale.order");
    assertThat(after.getString("priority")).isEqualTo("low");
    assertThat(after.getString("category")).isEqualTo("edited");
    long defaults = api.get("/api/v1/admin/subscribers").expect(200).jsonArray().stream()
        .map(JsonValue::asJsonObject).filter(s -> s.getString("name").equals("default")).count();
    assertThat(defaults).isEqualTo(1);
    // other deliveries in flight at the crash (the default subscriber's) finish once their
    // leases (timeout + margin) run out: nothing stays in processing
    Poll.until(Duration.ofSeconds(40), "nothing stuck in processing", () -> {
      try (Connection c = pg.connect(db); ResultSet rs = c.createStatement().executeQuery(
          "SELECT COUNT(*) FROM aw_delivery WHERE status = 'PROCESSING'")) {
        rs.next();
        return rs.getLong(1);
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }, n -> n == 0);
  }
}
