package dev.autowebhook.it.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Receiver;
import dev.autowebhook.it.support.Receiver.Reply;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * a. kill -9 of the app server while changes are made and delivered; after a restart everything
 * committed is delivered, and only what was in flight at the crash (processing in the database
 * right after the kill) may arrive twice.
 */
class ServerCrashIT {

  @Test
  void nothingCommittedIsLostWhenTheServerIsKilledUnderLoad() {
    AppServer app = Rig.node1();
    try (Receiver receiver = Receiver.start();
        Scenario s = new Scenario("a. kill -9 of the app server", app.admin(), receiver)) {
      long sub = s.subscriber(Json.obj());
      // replies take a little while, so some requests are always in flight
      receiver.setDefault(s.path(sub), Reply.ok().delayMillis(80));
      s.routeLoad(sub);
      Load load = s.load(List.of(app.admin()), 2, Duration.ofMillis(30)).start();

      receiver.awaitRequests(s.path(sub), 40, Duration.ofSeconds(60));
      app.kill();
      s.inFlightAtFault(s.processing());
      assertThat(load.succeededSince(0)).isPositive();

      app.start();
      s.healed();
      long back = System.currentTimeMillis();
      load.awaitSucceededSince(back, 30, Duration.ofSeconds(60));
      load.stop();

      s.drain(Duration.ofSeconds(90));
    }
  }
}
