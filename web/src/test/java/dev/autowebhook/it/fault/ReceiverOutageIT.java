package dev.autowebhook.it.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.fault.Scenario.Row;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Poll;
import dev.autowebhook.it.support.Receiver;
import java.time.Duration;
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
 * most {@link #HEAD} first arrivals, the drain arrives in exact claim order of a backlog that is
 * due all at once: priority high → medium → low, and within a priority by age (delivery id; one
 * writer thread, so id order is commit order). The head allows for what the dispatcher claimed by
 * retry schedule before the first success showed the endpoint was back: at most two lane
 * capacities (8 × max_concurrency each).
 */
class ReceiverOutageIT {

  static final Duration OUTAGE = Duration.ofSeconds(12);
  static final int HEAD = 16;

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
      int head = unorderedHead(arrivals, claimOrder);
      System.out.printf("[fault] c: %d of %d arrivals came before the backlog's exact priority and"
          + " age order%n", head, arrivals.size());
      assertThat(head).as("arrivals before the rest came in priority and age order:\n%s",
          describe(arrivals.subList(0, Math.min(arrivals.size(), Math.max(head, 10)))))
          .isLessThanOrEqualTo(HEAD);
    }
  }

  /** How many first elements must go for the rest to be sorted by {@code order}. */
  static <T> int unorderedHead(List<T> list, Comparator<T> order) {
    int i = list.size() - 1;
    while (i > 0 && order.compare(list.get(i - 1), list.get(i)) <= 0) {
      i--;
    }
    return Math.max(0, i);
  }

  static String describe(List<Row> rows) {
    return rows.stream().map(r -> "  " + r.model() + " rank " + r.priorityRank() + " created "
        + r.createdAt() + " delivery " + r.id()).collect(Collectors.joining("\n"));
  }
}
