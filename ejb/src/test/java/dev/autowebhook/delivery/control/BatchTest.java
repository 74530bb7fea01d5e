package dev.autowebhook.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.delivery.entity.DeliveryStatus;
import dev.autowebhook.platform.Jsonp;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch request: its body, and how its one result becomes one result per delivery. */
class BatchTest {

  final Target target = Samples.target(1, 0, 1, 2);

  @Test
  void bodyIsAnEnvelopeWithEveryMembersOwnBody() {
    Outgoing cut = Outgoing.batch(List.of(Samples.delivery(1, target, 1).inBatch("sale.order", 5),
        Samples.delivery(2, target, 3).inBatch("sale.order", 5)));

    JsonObject body = Jsonp.PROVIDER.createReader(new ByteArrayInputStream(cut.body()))
        .readObject();
    assertThat(body.getString("type")).isEqualTo("batch");
    assertThat(body.getString("id")).isEqualTo(cut.eventUid()).startsWith("bat_");
    assertThat(body.getInt("count")).isEqualTo(2);
    assertThat(body.getJsonArray("events")).extracting(v -> v.asJsonObject().getString("id"))
        .containsExactly("evt_1", "evt_2");
    assertThat(cut.attemptNo()).as("highest member attempt").isEqualTo(3);
    assertThat(cut.deliveries()).extracting(Outgoing::deliveryId).containsExactly(1L, 2L);
  }

  @Test
  void eachMemberIsJudgedByItsOwnRetryBudget() {
    Outgoing cut = Outgoing.batch(List.of(Samples.delivery(1, target, 1),
        Samples.delivery(2, target, 3)));

    List<AttemptResult> results = Samples.status(cut, 500).perDelivery(new RetrySchedule(1, 0));

    assertThat(results).extracting(AttemptResult::outcome)
        .containsExactly(DeliveryStatus.FAILED, DeliveryStatus.DEAD);
    assertThat(results).extracting(r -> r.outgoing().deliveryId()).containsExactly(1L, 2L);
    assertThat(results).extracting(AttemptResult::batchId).containsOnly(cut.eventUid());
    assertThat(results.get(0).nextAttemptAt()).isNotNull();
  }

  @Test
  void failedMembersShareTheirNextAttemptSoTheyStayTogether() {
    Outgoing cut = Outgoing.batch(List.of(Samples.delivery(1, target, 1),
        Samples.delivery(2, target, 2)));

    List<AttemptResult> results = Samples.status(cut, 503)
        .perDelivery(new RetrySchedule(1, 0.2));

    assertThat(results).extracting(AttemptResult::outcome).containsOnly(DeliveryStatus.FAILED);
    assertThat(results.get(0).nextAttemptAt()).isEqualTo(results.get(1).nextAttemptAt());
  }

  @Test
  void successSendsEveryMember() {
    Outgoing cut = Outgoing.batch(List.of(Samples.delivery(1, target, 1),
        Samples.delivery(2, target, 3)));

    assertThat(Samples.ok(cut).perDelivery(new RetrySchedule(1, 0)))
        .allMatch(Samples::isSent).hasSize(2);
  }

  @Test
  void aSingleDeliveryIsItsOwnResult() {
    AttemptResult r = Samples.status(Samples.delivery(1, target, 1), 500);
    assertThat(r.perDelivery(new RetrySchedule(1, 0))).containsExactly(r);
  }
}
