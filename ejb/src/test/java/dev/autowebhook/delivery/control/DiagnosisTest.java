package dev.autowebhook.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.platform.Time;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiagnosisTest {

  final Target target = Samples.target(1, 0, 1, 5);
  final Outgoing probe = Samples.delivery(1, target, 1);

  @ParameterizedTest
  @CsvSource({
      "200, OK:", "204, OK:", "401, Authentication rejected", "403, Authentication rejected",
      "404, Not found", "405, Method not allowed", "429, Rate limited", "301, Redirect",
      "500, Server error", "503, Server error", "418, counts as a failure"})
  void statusCodes(int code, String expected) {
    AttemptResult r = code < 300 ? AttemptResult.sent(probe, Time.now(), 1, code, "", "{}")
        : Samples.status(probe, code);
    assertThat(Diagnosis.of(r, target)).contains(expected);
  }

  @ParameterizedTest
  @CsvSource({
      "Timeout, did not answer within 2 s", "ConnectTimeout, Connection timeout",
      "ConnectionRefused, Connection refused", "DnsError, does not resolve",
      "TlsError, TLS", "DestinationRefused, outbound guard", "IOError, The connection failed"})
  void transportErrors(String errorClass, String expected) {
    AttemptResult r = AttemptResult.failed(probe, new RetrySchedule(1, 0), Time.now(), 1, null,
        null, errorClass, "details", "{}", null);
    assertThat(Diagnosis.of(r, target)).contains(expected);
  }
}
