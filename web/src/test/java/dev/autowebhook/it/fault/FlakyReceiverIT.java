package dev.autowebhook.it.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Receiver;
import dev.autowebhook.it.support.Receiver.Received;
import dev.autowebhook.it.support.Receiver.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * d. Two flaky endpoints under load: one hangs (longer than its 1 s timeout) on 20 % of requests,
 * the other answers 500 on 30 %. Every event is delivered to both within the retry schedule (0.5 s
 * base, 10 retries), and with a schedule that long there is no dead letter (a dead one would have
 * to show all 11 attempts failed).
 *
 * <p>The failures are random per request, except that a webhook-id which already failed
 * {@link #MAX_FAILURES_IN_A_ROW} times on a path is answered 200: that bounds the drain time (the
 * 4th retry waits 4 s) while still sending deliveries through several retries.
 */
class FlakyReceiverIT {

  static final int MAX_FAILURES_IN_A_ROW = 4;

  @Test
  void everyEventReachesFlakyEndpointsWithinTheRetrySchedule() {
    AppServer app = Rig.node1();
    try (Receiver receiver = Receiver.start();
        Scenario s = new Scenario("d. hanging 20 % / HTTP 500 30 %", app.admin(), receiver)) {
      long hanging = s.subscriber(Json.obj().add("timeout_seconds", 1).add("max_concurrency", 16));
      long failing = s.subscriber(Json.obj());
      receiver.setDefault(s.path(hanging), flaky(0.2, Reply.hang(2500)));
      receiver.setDefault(s.path(failing), flaky(0.3, Reply.status(500).body("{\"error\":\"x\"}")));
      Load.MODELS.forEach(m -> s.route(m, hanging, failing));

      Load load = s.load(List.of(app.admin()), 2, Duration.ofMillis(60)).start();
      Scenario.sleep(8000);
      load.stop();
      s.healed();
      Scenario.Outcome outcome = s.drain(Duration.ofSeconds(90));
      Scenario.assertAllWritesSucceeded(load);

      assertThat(outcome.figures().dead()).as("dead letters with 10 retries").isZero();
      assertThat(attempts(hanging, "error_class = 'Timeout'")).as("timed-out attempts")
          .isPositive();
      assertThat(attempts(failing, "status_code = 500")).as("HTTP 500 attempts").isPositive();
      assertThat(maxAttempts(hanging)).as("most attempts of a delivery to the hanging endpoint")
          .isGreaterThanOrEqualTo(3);
      assertThat(maxAttempts(failing)).as("most attempts of a delivery to the failing endpoint")
          .isGreaterThanOrEqualTo(3);
    }
  }

  /** {@code failure} on a {@code share} of requests at random, at most 4 times per webhook-id. */
  static Function<Received, Reply> flaky(double share, Reply failure) {
    Map<String, Integer> failures = new ConcurrentHashMap<>();
    return request -> {
      String id = request.header("webhook-id");
      boolean fail = ThreadLocalRandom.current().nextDouble() < share
          && failures.getOrDefault(id, 0) < MAX_FAILURES_IN_A_ROW;
      if (fail) {
        failures.merge(id, 1, Integer::sum);
        return failure;
      }
      return Reply.ok();
    };
  }

  static long attempts(long subscriberId, String condition) {
    return Scenario.count("SELECT COUNT(*) FROM aw_attempt a JOIN aw_delivery d"
        + " ON d.id = a.delivery_id WHERE d.subscriber_id = " + subscriberId + " AND a."
        + condition);
  }

  static long maxAttempts(long subscriberId) {
    return Scenario.count("SELECT COALESCE(MAX(attempts), 0) FROM aw_delivery WHERE subscriber_id = "
        + subscriberId);
  }
}
