package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Poll;
import dev.autowebhook.it.support.Postgres;
import dev.autowebhook.it.support.Receiver;
import dev.autowebhook.it.support.Receiver.Reply;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Auto-disable on a server of its own whose window is 4 s: an endpoint that keeps failing is
 * disabled with a visible reason and time, its new events wait, and re-enabling it delivers
 * everything that waited.
 */
class AutoDisableIT {

  static final Duration WAIT = Duration.ofSeconds(40);
  static AppServer server;
  static Receiver receiver;

  @BeforeAll
  static void start() {
    Postgres pg = Postgres.instance();
    server = AppServer.builder("autodisable")
        .database(pg.createDatabase("autodisable"), pg.user(), pg.password())
        .env("AUTOWEBHOOK_AUTO_DISABLE_AFTER_SECONDS", "4").build().start();
    receiver = Receiver.start();
  }

  @AfterAll
  static void stop() {
    receiver.close();
    server.stop();
  }

  @Test
  void continuouslyFailingEndpointIsDisabledWithAReasonAndReEnablingDeliversWhatWaited() {
    Api api = server.admin();
    Fixtures fx = new Fixtures(api);
    String path = Receiver.newPath();
    receiver.setDefault(path, Reply.status(503));
    long id = fx.subscriber(receiver.url(path), Json.obj().add("max_retries", 20))
        .getJsonNumber("id").longValue();
    fx.attach("res.partner", id);

    fx.partner(Fixtures.unique("Down"));
    JsonObject disabled = Poll.until(WAIT, "subscriber auto-disabled",
        () -> api.get("/api/v1/admin/subscribers/" + id).expect(200).json(),
        s -> !s.getBoolean("enabled"));
    assertThat(disabled.getString("disabled_reason")).contains("4 seconds").contains("HTTP 503");
    assertThat(disabled.getString("disabled_at")).isNotBlank();
    assertThat(disabled.getString("failing_since")).isNotBlank();
    int triesWhenDisabled = receiver.requests(path).size();
    assertThat(triesWhenDisabled).isGreaterThanOrEqualTo(3);
    assertThat(api.get("/api/v1/admin/audit?action=subscriber.auto-disable").expect(200).body())
        .contains("\"" + id + "\"");

    fx.partner(Fixtures.unique("Waiting"));
    sleep(3000);
    assertThat(receiver.requests(path)).as("nothing is sent while disabled")
        .hasSize(triesWhenDisabled);

    receiver.setDefault(path, Reply.ok());
    api.put("/api/v1/admin/subscribers/" + id, Json.obj().add("enabled", true).build())
        .expect(200);
    Poll.until(WAIT, "both deliveries sent after re-enabling", () -> fx.deliveries(id),
        l -> l.size() == 2 && l.stream().allMatch(d -> d.getString("status").equals("sent")));
    JsonObject healthy = api.get("/api/v1/admin/subscribers/" + id).expect(200).json();
    assertThat(healthy.getBoolean("enabled")).isTrue();
    assertThat(healthy.isNull("disabled_reason")).isTrue();
    assertThat(healthy.isNull("failing_since")).isTrue();
    fx.close();
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
