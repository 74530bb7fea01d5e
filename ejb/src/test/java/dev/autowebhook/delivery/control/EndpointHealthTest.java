package dev.autowebhook.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointHealthTest {

  final Target target = Samples.target(1, 0, 1, 5);

  @Test
  void anySuccessMakesTheSubscriberHealthy() {
    Outgoing o = Samples.delivery(1, target, 1);
    Map<Long, EndpointHealth.Verdict> v = EndpointHealth.verdicts(
        List.of(Samples.status(o, 500), Samples.ok(o), Samples.status(o, 503)));

    assertThat(v.get(7L).succeeded()).isTrue();
  }

  @Test
  void failuresOnlyKeepTheEarliestStartAndTheLastError() {
    Outgoing o = Samples.delivery(1, target, 1);
    AttemptResult first = Samples.status(o, 500);
    AttemptResult second = Samples.status(o, 503);

    EndpointHealth.Verdict v = EndpointHealth.verdicts(List.of(first, second)).get(7L);

    assertThat(v.succeeded()).isFalse();
    assertThat(v.firstFailure()).isEqualTo(first.startedAt().toInstant());
    assertThat(v.lastError()).isEqualTo("HTTP 503");
  }

  @Test
  void reasonSaysForHowLongAndWhy() {
    assertThat(EndpointHealth.reason(259200, "HTTP 500"))
        .isEqualTo("every attempt failed for more than 3 days; last error: HTTP 500");
    assertThat(EndpointHealth.human(3600)).isEqualTo("1 hour");
    assertThat(EndpointHealth.human(90)).isEqualTo("90 seconds");
    assertThat(EndpointHealth.human(120)).isEqualTo("2 minutes");
    assertThat(EndpointHealth.reason(1, "x".repeat(2000))).hasSize(1000);
  }
}
