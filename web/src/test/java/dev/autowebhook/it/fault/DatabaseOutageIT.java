package dev.autowebhook.it.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Poll;
import dev.autowebhook.it.support.Postgres;
import dev.autowebhook.it.support.Receiver;
import dev.autowebhook.it.support.Receiver.Reply;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * b. PostgreSQL stopped for 10 s under load and started again: business calls may fail while it
 * is down, but whatever committed is delivered, and the application recovers by itself (same
 * process, no restart): once a business call succeeds again, every later one does too, also after
 * the node fetched a new block of ids (over its separate pool of non-transactional connections).
 * What may arrive twice: deliveries processing just before the stop and requests that reached the
 * receiver while the database was down (their results could not be recorded).
 */
class DatabaseOutageIT {

  static final Duration OUTAGE = Duration.ofSeconds(10);
  /** Ids of events and deliveries come in blocks of this many (aw_seq, allocationSize). */
  static final int ID_BLOCK = 1000;

  @Test
  void whatCommittedAroundADatabaseOutageIsDeliveredAndTheAppRecovers() {
    AppServer app = Rig.node1();
    long pid = app.pid();
    Postgres pg = Postgres.instance();
    try (Receiver receiver = Receiver.start();
        Scenario s = new Scenario("b. PostgreSQL down 10 s", app.admin(), receiver)) {
      // two subscribers: each write takes three ids (event and two deliveries) of one block
      long first = s.subscriber(Json.obj());
      long second = s.subscriber(Json.obj());
      receiver.setDefault(s.path(first), Reply.ok().delayMillis(20));
      receiver.setDefault(s.path(second), Reply.ok().delayMillis(20));
      Load.MODELS.forEach(m -> s.route(m, first, second));
      Load load = s.load(List.of(app.admin()), 2, Duration.ofMillis(20)).start();
      receiver.awaitRequests(s.path(first), 30, Duration.ofSeconds(60));

      long stopping = System.currentTimeMillis();
      s.inFlightAtFault(s.processing());
      pg.stop();
      Scenario.sleep(OUTAGE.toMillis());
      pg.start();
      long restarted = System.currentTimeMillis();
      s.healed();
      s.inFlightAtFault(s.arrivedSince(s.path(first), stopping));
      s.inFlightAtFault(s.arrivedSince(s.path(second), stopping));

      Poll.until(Duration.ofSeconds(120), "more than a block of ids used after the restart",
          () -> idsUsedSince(restarted) > ID_BLOCK + 100);
      load.stop();
      long recovered = load.writes().stream().filter(w -> w.ok() && w.atMillis() >= restarted)
          .mapToLong(Load.Write::atMillis).min().orElseThrow();
      assertThat(load.writes()).as("business calls failed while the database was down")
          .anyMatch(w -> !w.ok());
      assertThat(load.writes()).filteredOn(w -> w.startedMillis() > recovered && !w.ok())
          .as("business calls that failed after the application had recovered (%.1f s after the"
              + " database was back)", (recovered - restarted) / 1000.0).isEmpty();

      s.drain(Duration.ofSeconds(90));
      assertThat(app.isRunning()).isTrue();
      assertThat(app.pid()).as("recovered without a restart").isEqualTo(pid);
    }
  }

  /** Events and deliveries created since then (a lower bound of the aw_seq ids taken). */
  static long idsUsedSince(long millis) {
    String at = "TIMESTAMP WITH TIME ZONE 'epoch' + " + millis + " * INTERVAL '1 millisecond'";
    return Scenario.count("SELECT (SELECT COUNT(*) FROM aw_event WHERE occurred_at >= " + at
        + ") + (SELECT COUNT(*) FROM aw_delivery WHERE created_at >= " + at + ")");
  }
}
