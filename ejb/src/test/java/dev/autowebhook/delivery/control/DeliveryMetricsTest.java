package dev.autowebhook.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryMetricsTest {

  final DeliveryMetrics cut = new DeliveryMetrics();
  final Target target = Samples.target(1, 0, 1, 0);

  @Test
  void drainHandsOutEachCountOnceByMinuteAndOutcome() {
    Outgoing o = Samples.delivery(1, target, 1);
    cut.count(List.of(Samples.ok(o), Samples.ok(o), Samples.status(o, 500)));

    List<DeliveryMetrics.Delta> first = cut.drain(Instant.now());
    assertThat(first).hasSize(1);
    DeliveryMetrics.Delta d = first.get(0);
    assertThat(d.sent()).isEqualTo(2);
    assertThat(d.dead()).isEqualTo(1); // max_retries 0: the failure is final
    assertThat(d.failed()).isZero();
    assertThat(d.durationSumMs()).isEqualTo(9);
    assertThat(d.buckets()[0]).isEqualTo(3);
    assertThat(d.minute().getEpochSecond() % 60).isZero();

    assertThat(cut.drain(Instant.now())).isEmpty();
  }

  @Test
  void oldQuietMinutesAreForgottenButLateResultsStillCount() {
    Outgoing o = Samples.delivery(1, target, 1);
    cut.count(List.of(Samples.ok(o)));
    Instant later = Instant.now().plusSeconds(600);
    assertThat(cut.drain(later)).hasSize(1);
    assertThat(cut.drain(later)).isEmpty(); // drained to zero and old: dropped

    cut.count(List.of(Samples.ok(o)));
    assertThat(cut.drain(later)).singleElement()
        .satisfies(d -> assertThat(d.sent()).isEqualTo(1));
  }
}
