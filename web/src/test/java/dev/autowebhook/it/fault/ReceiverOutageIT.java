package dev.autowebhook.it.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.fault.Scenario.Row;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Poll;
import dev.autowebhook.it.support.Receiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * c. The receiver's port closed (connection refused) while changes of three priorities are made,
 * then open again on the same port: the whole backlog is delivered, in priority and age order.
 *
 * <p>What is asserted about the order, precisely: the subscriber has {@code max_concurrency} 1, so
 * the receiver sees requests one at a time in the order the dispatcher claimed them. Apart from at
 * most {@link #OUT_OF_PLACE} arrivals, the drain arrives in exact claim order of a backlog that is
 * due all at once: priority high → medium → low, and within a priority by age (delivery id; one
 * writer thread, so id order is commit order). "Out of place" counts the arrivals that are not in
 * the longest run of arrivals in that order (n minus the longest ordered subsequence), so one
 * straggler costs one, wherever it arrives. The allowance is for what the dispatcher held by
 * retry schedule when the first success showed the endpoint was back: at most two lane capacities
 * (8 × max_concurrency each), the attempt that found the endpoint back, and one whose refused
 * attempt was in flight then and got its backoff. Draining by retry schedule, as before the
 * recovery release, put 84 of 85 arrivals out of place.
 */
class ReceiverOutageIT {

  static final Duration OUTAGE = Duration.ofSeconds(12);
  static final int OUT_OF_PLACE = 18;

  @Test
  void theBacklogOfAReceiverOutageDrainsInPriorityAndAgeOrder() {
    AppServer app = Rig.node1();
    try (Receiver receiver = Receiver.start();
        Scenario s = new Scenario("c. receiver down 12 s", app.admin(), receiver)) {
      long sub = s.subscriber(Json.obj().add("max_concurrency", 1).add("max_retries", 12)
          .add("timeout_seconds", 2));
      s.routeLoad(sub);

      receiver.stopListening();
      long down = System.nanoTime();
      Load load = s.load(List.of(app.admin()), 1, Duration.ofMillis(40)).start();
      Scenario.sleep(6000);
      load.stop();
      // a backlog of failed deliveries: each was attempted (refused) and waits for its retry
      Poll.until(Duration.ofSeconds(20), "every delivery attempted and failed", () -> s.rows(),
          rows -> rows.stream().allMatch(r -> r.status().equals("FAILED") && r.attempts() >= 1));
      assertThat(receiver.requests(s.path(sub))).isEmpty();
      Scenario.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - down) / 1_000_000));

      receiver.listenAgain();
      s.healed();
      Scenario.Outcome outcome = s.drain(Duration.ofSeconds(60));
      Scenario.assertAllWritesSucceeded(load);

      Map<String, Row> byUid = outcome.deliveries().stream()
          .collect(Collectors.toMap(Row::uid, Function.identity()));
      List<Row> arrivals = outcome.firstArrivals(s.path(sub)).stream().map(byUid::get).toList();
      assertThat(arrivals).extracting(Row::priorityRank).as("the backlog has every priority")
          .contains(0, 1, 2);
      Comparator<Row> claimOrder = Comparator.comparingInt(Row::priorityRank)
          .thenComparingLong(Row::id);
      int outOfPlace = outOfPlace(arrivals, claimOrder);
      System.out.printf("[fault] c: %d of %d arrivals out of the backlog's priority and age"
          + " order%n", outOfPlace, arrivals.size());
      assertThat(outOfPlace).as("arrivals out of priority and age order:\n%s",
          describe(arrivals)).isLessThanOrEqualTo(OUT_OF_PLACE);
    }
  }

  /**
   * How many elements are not part of the longest subsequence sorted by {@code order} (patience
   * sorting, O(n log n)).
   */
  static <T> int outOfPlace(List<T> list, Comparator<T> order) {
    List<T> tails = new ArrayList<>();
    for (T x : list) {
      int lo = 0;
      int hi = tails.size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (order.compare(tails.get(mid), x) <= 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      if (lo == tails.size()) {
        tails.add(x);
      } else {
        tails.set(lo, x);
      }
    }
    return list.size() - tails.size();
  }

  static String describe(List<Row> rows) {
    return rows.stream().map(r -> "  " + r.model() + " rank " + r.priorityRank() + " created "
        + r.createdAt() + " delivery " + r.id()).collect(Collectors.joining("\n"));
  }
}
