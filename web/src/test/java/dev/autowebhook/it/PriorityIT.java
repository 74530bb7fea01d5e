package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Receiver;
import dev.autowebhook.it.support.Receiver.Received;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Under a backlog, high priority goes before medium before low (not alphabetically): events wait
 * while their subscriber is paused, then drain one at a time in priority order.
 */
class PriorityIT {

  Api api;
  Fixtures fx;
  Receiver receiver;

  @BeforeEach
  void setUp() {
    api = AppServer.shared().admin();
    fx = new Fixtures(api);
    receiver = Receiver.start();
  }

  @AfterEach
  void tearDown() {
    fx.close();
    receiver.close();
  }

  @Test
  void backlogDrainsHighThenMediumThenLow() {
    String path = Receiver.newPath();
    long sub = fx.subscriber(receiver.url(path), Json.obj().add("enabled", false)
        .add("max_concurrency", 1)).getJsonNumber("id").longValue();
    fx.attach("product.template", sub); // low
    fx.attach("res.partner", sub); // medium
    fx.attach("sale.order", sub); // high

    api.post("/api/v1/product-templates", Json.obj().add("name", Fixtures.unique("Gadget"))
        .build()).expect(201);
    long partner = fx.partner(Fixtures.unique("Prio"));
    fx.saleOrder(Fixtures.unique("SO"), partner);
    try {
      Thread.sleep(1500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    assertThat(receiver.requests(path)).as("a paused subscriber receives nothing").isEmpty();
    assertThat(fx.deliveries(sub)).hasSize(3).allMatch(d -> d.getString("status").equals("pending"));

    api.put("/api/v1/admin/subscribers/" + sub, Json.obj().add("enabled", true).build())
        .expect(200);
    List<Received> got = receiver.awaitRequests(path, 3, Duration.ofSeconds(30));
    assertThat(got).extracting(r -> r.json().getString("priority"))
        .containsExactly("high", "medium", "low");
    assertThat(got).extracting(r -> r.json().getString("model"))
        .containsExactly("sale.order", "res.partner", "product.template");
  }
}
