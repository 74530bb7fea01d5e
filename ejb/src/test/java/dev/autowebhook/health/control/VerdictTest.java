package dev.autowebhook.health.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.delivery.boundary.DeliveryDispatcher.Pulse;
import dev.autowebhook.delivery.boundary.DeliveryStats.Backlog;
import java.sql.SQLTimeoutException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {

  static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  static Pulse pulse(boolean enabled, long sinceHeartbeatMs) {
    return new Pulse("node-1", enabled, true, false, sinceHeartbeatMs, 0, 3, 2);
  }

  @Test
  void aliveWhileThePumpLooksForWorkAndNotWhenItIsWedged() {
    assertThat(Verdict.alive(pulse(true, 4_000), 60_000).up()).isTrue();
    Verdict wedged = Verdict.alive(pulse(true, 61_000), 60_000);
    assertThat(wedged.up()).isFalse();
    assertThat(wedged.data()).containsEntry("heartbeat_age_ms", 61_000L)
        .containsEntry("in_flight", 3).containsEntry("enabled", true)
        .doesNotContainKey("node");
  }

  @Test
  void aDisabledDispatcherIsAliveAndReady() {
    assertThat(Verdict.alive(pulse(false, 999_999), 60_000).up()).isTrue();
    assertThat(Verdict.dispatching(pulse(false, 999_999), 60_000).up()).isTrue();
  }

  @Test
  void notReadyBeforeStartOrAfterStop() {
    assertThat(Verdict.dispatching(new Pulse("n", true, false, false, 0, 0, 0, 0), 60_000).up())
        .isFalse();
    assertThat(Verdict.dispatching(new Pulse("n", true, true, true, 0, 0, 0, 0), 60_000).up())
        .isFalse();
    assertThat(Verdict.dispatching(pulse(true, 1_000), 60_000).up()).isTrue();
  }

  @Test
  void backlogIsDownOnlyWhenADueDeliveryOfAnEnabledSubscriberIsTooOld() {
    List<Backlog> rows = List.of(
        new Backlog(1, true, 10, 4, NOW.minusSeconds(30)),
        new Backlog(2, true, 5, 1, NOW.minusSeconds(400)),
        new Backlog(3, false, 50, 50, NOW.minusSeconds(9_000)),
        new Backlog(4, true, 2, 0, null));

    Verdict v = Verdict.backlog(rows, NOW, 300);

    assertThat(v.up()).isFalse();
    assertThat(v.data()).containsEntry("oldest_age_seconds", 400L).containsEntry("backlog", 5L)
        .containsEntry("open", 67L).containsEntry("oldest_subscriber", 2L)
        .containsEntry("max_age_seconds", 300L);
    assertThat(Verdict.backlog(rows, NOW, 400).up()).isTrue();
  }

  @Test
  void anEmptyBacklogIsUp() {
    Verdict v = Verdict.backlog(List.of(), NOW, 300);
    assertThat(v.up()).isTrue();
    assertThat(v.data()).containsEntry("oldest_age_seconds", 0L).containsEntry("backlog", 0L)
        .doesNotContainKey("oldest_subscriber");
  }

  @Test
  void aDatabaseErrorShowsItsKindButNotItsMessage() {
    Verdict v = Verdict.database(3001, new SQLTimeoutException("host db.internal:5432 user x"));
    assertThat(v.up()).isFalse();
    assertThat(v.data()).containsEntry("error", "SQLTimeoutException");
    assertThat(v.data().toString()).doesNotContain("db.internal");
    assertThat(Verdict.database(4, null).up()).isTrue();
  }
}
