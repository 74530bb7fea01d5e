package dev.autowebhook.it.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.ApiResponse;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Browser;
import dev.autowebhook.it.support.Internals;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Poll;
import dev.autowebhook.it.support.Postgres;
import dev.autowebhook.it.support.Receiver;
import dev.autowebhook.it.support.Receiver.Reply;
import java.time.Duration;
import java.util.List;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * b. PostgreSQL stopped for 10 s under load and started again: business calls may fail while it
 * is down, but whatever committed is delivered, and the application recovers by itself (same
 * process, no restart): once a business call succeeds again, every later one does too, also after
 * the node fetched a new block of ids (over its separate pool of non-transactional connections).
 * What may arrive twice: deliveries processing just before the stop and requests that reached the
 * receiver while the database was down (their results could not be recorded). While it is down,
 * readiness is DOWN, every business call that fails answers 503 with {@code Retry-After} as a
 * problem document (never 500), and a page shows the application's 503 page; nothing internal.
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
        Scenario s = new Scenario("b. PostgreSQL down 10 s", app.admin(), receiver);
        Browser browser = Browser.open(app)) {
      browser.loginAsAdmin();
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
      long stopped = System.currentTimeMillis();
      whileTheDatabaseIsAway(app, browser);
      Scenario.sleep(Math.max(0, OUTAGE.toMillis() - (System.currentTimeMillis() - stopped)));
      pg.start();
      long restarted = System.currentTimeMillis();
      s.healed();
      Poll.until(Duration.ofSeconds(60), "readiness UP once the database is back",
          () -> app.anonymous().get("/health/ready").status() == 200);
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
      List<Load.Write> failed = load.writes().stream().filter(w -> !w.ok()).toList();
      System.out.printf("[fault] b. PostgreSQL down 10 s: %d business calls failed, %d of them"
          + " with 503 + Retry-After, %d with 500%n", failed.size(), failed.stream()
          .filter(w -> w.status() == 503 && w.retryAfter() != null).count(),
          failed.stream().filter(w -> w.status() == 500).count());
      for (Load.Write w : failed) {
        assertThat(w.status()).as("a business call that failed: %s", w).isEqualTo(503);
        assertThat(w.retryAfter()).as("Retry-After of %s", w).matches("[1-9][0-9]?");
        assertThat(w.contentType()).as("%s", w).startsWith("application/problem+json");
        assertThat(Json.parse(w.error()).getString("correlation_id")).matches(Internals.ID);
        Internals.assertNone("a business call during the outage", w.error());
      }

      s.drain(Duration.ofSeconds(90));
      assertThat(app.isRunning()).isTrue();
      assertThat(app.pid()).as("recovered without a restart").isEqualTo(pid);
    }
  }

  /**
   * Right after the stop: readiness is down because of the database; a page and an API read
   * answer 503 (the page in the application's frame), with a correlation id that is in the log
   * next to the stack trace, and nothing internal.
   */
  static void whileTheDatabaseIsAway(AppServer app, Browser browser) {
    ApiResponse ready = Poll.until(Duration.ofSeconds(8), "readiness DOWN",
        () -> app.anonymous().get("/health/ready"), r -> r.status() == 503);
    assertThat(ready.json().getJsonArray("checks").stream().map(JsonValue::asJsonObject)
        .filter(c -> c.getString("name").equals("database")).findFirst().orElseThrow()
        .getString("status")).isEqualTo("DOWN");

    ApiResponse api = app.admin().get("/api/v1/admin/subscribers");
    assertThat(api.status()).as("%s", api).isEqualTo(503);
    assertThat(api.header("Retry-After")).isEqualTo("5");
    assertThat(api.header("Content-Type")).startsWith("application/problem+json");
    String apiId = api.json().getString("correlation_id");
    assertThat(api.header("X-Correlation-Id")).isEqualTo(apiId);
    Internals.assertNone(api);

    browser.go("/admin/subscribers.xhtml");
    String text = browser.waitText(By.id("error"), "Temporarily unavailable");
    assertThat(text).contains("Status 503");
    String pageId = browser.find(By.id("errorReference")).getText();
    assertThat(pageId).matches(Internals.ID);
    Internals.assertNone("the page during the outage", browser.driver().getPageSource());

    String log = app.logSinceStart();
    Internals.assertLogged(log, apiId, "refused");
    Internals.assertLogged(log, pageId, "refused");
  }

  /** Events and deliveries created since then (a lower bound of the aw_seq ids taken). */
  static long idsUsedSince(long millis) {
    String at = "TIMESTAMP WITH TIME ZONE 'epoch' + " + millis + " * INTERVAL '1 millisecond'";
    return Scenario.count("SELECT (SELECT COUNT(*) FROM aw_event WHERE occurred_at >= " + at
        + ") + (SELECT COUNT(*) FROM aw_delivery WHERE created_at >= " + at + ")");
  }
}
