package dev.autowebhook.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LaneTest {

  /** A dispatcher stand-in: a hand-driven clock and timer, requests completed by the test. */
  static class FakeHooks implements Lane.Hooks {
    long now;
    final List<Outgoing> sent = new ArrayList<>();
    final List<Long> sentAt = new ArrayList<>();
    final List<CompletableFuture<AttemptResult>> pending = new ArrayList<>();
    final List<long[]> timers = new ArrayList<>();
    final List<Runnable> tasks = new ArrayList<>();
    int completed;

    @Override
    public CompletableFuture<AttemptResult> send(Outgoing request) {
      sent.add(request);
      sentAt.add(now);
      CompletableFuture<AttemptResult> f = new CompletableFuture<>();
      pending.add(f);
      return f;
    }

    @Override
    public void schedule(Runnable task, long delayNanos) {
      timers.add(new long[] {now + delayNanos});
      tasks.add(task);
    }

    @Override
    public void completed(Outgoing request, AttemptResult result, Throwable error) {
      completed++;
    }

    void completeAll() {
      List<CompletableFuture<AttemptResult>> open = new ArrayList<>(pending);
      pending.clear();
      for (int i = 0; i < open.size(); i++) {
        open.get(i).complete(Samples.ok(sent.get(sent.size() - open.size() + i)));
      }
    }

    /** Advances the clock, firing due timers. */
    void advance(long nanos) {
      now += nanos;
      for (int i = 0; i < timers.size(); i++) {
        if (timers.get(i)[0] <= now) {
          timers.remove(i);
          tasks.remove(i).run();
          i = -1;
        }
      }
    }
  }

  final FakeHooks hooks = new FakeHooks();
  final Lane cut = new Lane(hooks, () -> hooks.now);

  static List<Outgoing> deliveries(Target t, int n) {
    List<Outgoing> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(Samples.delivery(i, t, 1));
    }
    return out;
  }

  @Test
  void neverMoreInFlightThanTheConcurrency() {
    cut.offerAll(deliveries(Samples.target(3, 0, 1, 5), 10));

    assertThat(hooks.sent).hasSize(3);
    hooks.pending.get(0).complete(Samples.ok(hooks.sent.get(0)));
    assertThat(hooks.sent).hasSize(4);
    assertThat(hooks.completed).isEqualTo(1);
  }

  @Test
  void rateLimitAllowsAtMostNInAnySlidingWindowAndDropsNothing() {
    long ms = 1_000_000L;
    cut.offerAll(deliveries(Samples.target(50, 10, 1, 5), 35));

    assertThat(hooks.sent).as("first window").hasSize(10);
    hooks.advance(20 * ms);
    hooks.completeAll();
    hooks.advance(500 * ms);
    assertThat(hooks.sent).as("no burst inside the window").hasSize(10);
    hooks.advance(500 * ms);
    assertThat(hooks.sent).as("one window after they completed").hasSize(20);
    for (int i = 0; i < 20; i++) {
      hooks.advance(20 * ms);
      hooks.completeAll();
      hooks.advance(230 * ms);
    }
    assertThat(hooks.sent).as("everything went out eventually").hasSize(35);
    for (int i = 0; i < hooks.sentAt.size(); i++) {
      long from = hooks.sentAt.get(i);
      long inWindow = hooks.sentAt.stream().filter(t -> t >= from && t < from + 1000 * ms)
          .count();
      assertThat(inWindow).as("starts in the window from #" + i).isLessThanOrEqualTo(10);
    }
  }

  @Test
  void aSlowRequestKeepsCountingUntilOneWindowAfterItCompleted() {
    long ms = 1_000_000L;
    Target t = Samples.target(50, 2, 1, 5);
    cut.offerAll(List.of(Samples.delivery(1, t, 1), Samples.delivery(2, t, 1),
        Samples.delivery(3, t, 1)));
    assertThat(hooks.sent).hasSize(2);
    hooks.advance(900 * ms);
    hooks.pending.get(0).complete(Samples.ok(hooks.sent.get(0)));
    hooks.advance(900 * ms);
    assertThat(hooks.sent).as("the first still counts until 1900 ms").hasSize(2);
    hooks.advance(100 * ms);
    assertThat(hooks.sentAt).containsExactly(0L, 0L, 1900 * ms);
  }

  @Test
  void batchedDeliveriesLeaveAsOneRequestPerBatchSize() {
    Target t = Samples.target(4, 0, 1, 5);
    List<Outgoing> batched = new ArrayList<>();
    for (Outgoing o : deliveries(t, 7)) {
      batched.add(o.inBatch("sale.order", 3));
    }
    batched.add(3, Samples.delivery(99, t, 1));

    cut.offerAll(batched);

    assertThat(hooks.sent).extracting(o -> o.deliveries().size()).containsExactly(3, 1, 3, 1);
    assertThat(hooks.sent.get(0).isBatch()).isTrue();
    assertThat(hooks.sent.get(1).deliveryId()).isEqualTo(99);
  }

  @Test
  void capacityIsEightWavesOrOneRateWindow() {
    assertThat(Lane.capacity(8, 0, 1)).isEqualTo(64);
    assertThat(Lane.capacity(8, 5, 1)).isEqualTo(5);
    assertThat(Lane.capacity(2, 0, 10)).isEqualTo(160);
    assertThat(Lane.capacity(0, 0, 0)).isEqualTo(8);
  }

  @Test
  void fullWhenItHoldsItsCapacity() {
    int capacity = Lane.capacity(1, 0, 1);
    cut.offerAll(deliveries(Samples.target(1, 0, 1, 5), capacity - 1));
    assertThat(cut.isFull()).isFalse();
    cut.offerAll(List.of(Samples.delivery(capacity, Samples.target(1, 0, 1, 5), 1)));
    assertThat(cut.isFull()).isTrue();
    assertThat(cut.size()).isEqualTo(capacity);
  }

  @Test
  void halfEmptyOnceHalfItsCapacityIsFree() {
    int capacity = Lane.capacity(2, 0, 1);
    cut.offerAll(deliveries(Samples.target(2, 0, 1, 5), capacity));
    assertThat(cut.isFull()).isTrue();
    assertThat(cut.isHalfEmpty()).isFalse();
    int done = 0;
    for (; done < capacity / 2 - 1; done++) {
      hooks.pending.get(done).complete(Samples.ok(hooks.sent.get(done)));
    }
    assertThat(cut.isHalfEmpty()).as("one more than half left").isFalse();
    hooks.pending.get(done).complete(Samples.ok(hooks.sent.get(done)));
    assertThat(cut.isHalfEmpty()).as("half left").isTrue();
  }

  @Test
  void aChannelThatThrowsStillFreesTheSlot() {
    Lane lane = new Lane(new FakeHooks() {
      @Override
      public CompletableFuture<AttemptResult> send(Outgoing request) {
        throw new IllegalStateException("boom");
      }
    }, () -> 0L);
    lane.offerAll(deliveries(Samples.target(1, 0, 1, 5), 3));
    assertThat(lane.size()).isZero();
  }
}
