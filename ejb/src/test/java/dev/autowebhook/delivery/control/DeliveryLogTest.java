package dev.autowebhook.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.platform.Time;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryLogTest {

  final Target target = Samples.target(1, 0, 1, 5);

  @Test
  void plainValuesStayBareAndNullsAreLeftOut() {
    assertThat(DeliveryLog.line("delivery", "outcome", "sent", "status", null, "ms", 12))
        .isEqualTo("delivery outcome=sent ms=12");
  }

  @Test
  void spacesQuotesEqualsAndControlCharactersAreQuotedAndEscaped() {
    assertThat(DeliveryLog.value("HTTP 500")).isEqualTo("\"HTTP 500\"");
    assertThat(DeliveryLog.value("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
    assertThat(DeliveryLog.value("a=b")).isEqualTo("\"a=b\"");
    assertThat(DeliveryLog.value("back\\slash")).isEqualTo("\"back\\\\slash\"");
    assertThat(DeliveryLog.value("line1\nline2\r\tend")).isEqualTo("\"line1\\nline2\\r\\tend\"");
    assertThat(DeliveryLog.value("bell\u0007")).isEqualTo("\"bell\\u0007\"");
    assertThat(DeliveryLog.value("")).isEqualTo("\"\"");
    assertThat(DeliveryLog.value("évt_ü")).isEqualTo("évt_ü");
  }

  @Test
  void aQuotedValueIsOneTokenWhateverItHolds() {
    String line = DeliveryLog.line("delivery", "error", "x\" injected=1\nfake line", "ms", 3);
    assertThat(line).doesNotContain("\n").endsWith(" ms=3")
        .startsWith("delivery error=\"x\\\" injected=1\\nfake line\"");
  }

  @Test
  void longValuesAreCut() {
    assertThat(DeliveryLog.value("x".repeat(2000)))
        .hasSize(DeliveryLog.MAX_VALUE + 1).endsWith("…");
  }

  @Test
  void urlsLoseTheirUserInfoAndQuery() {
    assertThat(DeliveryLog.scrub("Illegal character at index 7: https://bob:s3cr3t@hooks.example"
        + ".com/in?token=abc&x=1 end"))
        .isEqualTo("Illegal character at index 7: https://***@hooks.example.com/in?*** end");
    assertThat(DeliveryLog.scrub("http://u:p@ss@h/x")).isEqualTo("http://***@h/x");
    assertThat(DeliveryLog.scrub("no url here: a@b?c")).isEqualTo("no url here: a@b?c");
  }

  @Test
  void aFailedAttemptLineCarriesEventSubscriberDeliveryAttemptStatusAndError() {
    Outgoing o = Samples.delivery(345, target, 2);
    AttemptResult r = Samples.status(o, 500);

    String line = DeliveryLog.outcome(o, r);

    assertThat(line).startsWith("delivery outcome=failed event=evt_345 subscriber=7 channel=http"
        + " delivery=345 attempt=2 status=500 ms=3 error=\"HTTP 500\" next=");
    assertThat(line).doesNotContain("127.0.0.1").doesNotContain("whsec_");
  }

  @Test
  void aSentLineHasNoErrorAndABatchNamesItsSize() {
    Outgoing batch = Outgoing.batch(List.of(Samples.delivery(1, target, 1),
        Samples.delivery(2, target, 1)));
    AttemptResult ok = AttemptResult.sent(batch, Time.now(), 9, 204, "", "{}");

    assertThat(DeliveryLog.outcome(batch, ok)).matches(
        "delivery outcome=sent event=bat_\\S+ subscriber=7 channel=http batch_size=2 attempt=1"
            + " status=204 ms=9");
  }

  @Test
  void errorsUnrecordedResultsAndAutoDisableUseTheSameKeys() {
    Outgoing o = Samples.delivery(5, target, 1);
    assertThat(DeliveryLog.unexpected(o, new IllegalStateException("boom")))
        .isEqualTo("delivery outcome=error event=evt_5 subscriber=7 channel=http delivery=5"
            + " attempt=1 error=\"java.lang.IllegalStateException: boom\"");
    assertThat(DeliveryLog.unrecorded(Samples.ok(o), "db down"))
        .isEqualTo("delivery outcome=unrecorded event=evt_5 subscriber=7 delivery=5 attempt=1"
            + " result=sent error=\"db down\"");
    assertThat(DeliveryLog.autoDisabled(7, "evt_5", "every attempt failed"))
        .isEqualTo("delivery outcome=auto-disabled event=evt_5 subscriber=7"
            + " reason=\"every attempt failed\"");
    assertThat(DeliveryLog.recovered(7, "evt_5", 12))
        .isEqualTo("delivery outcome=recovered event=evt_5 subscriber=7 released=12");
  }
}
