package dev.autowebhook.inbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import dev.autowebhook.delivery.control.Signer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The inbox accepts exactly what a Standard Webhooks receiver accepts: a {@code v1} signature of
 * one of the secrets, in a space-separated list, within five minutes of now either way.
 */
class InboxSignatureTest {

  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  static final String PREVIOUS = "whsec_QWxsIHRoZSBzZWNyZXRzIHlvdSBrZWVwIGZvcg==";
  static final String OTHER = "whsec_c29tZW9uZSBlbHNlJ3Mgc2VjcmV0IGtleQ==";
  static final String ID = "evt_2mDEP4Gy7AwbvVSbxLhtqTNNhqP";
  static final long NOW = 1_800_000_000L;
  static final byte[] BODY = "{\"event\":\"create\",\"id\":7}".getBytes(StandardCharsets.UTF_8);

  static boolean verifies(String timestamp, String signatures, List<String> secrets) {
    return InboxSignature.verifies(ID, timestamp, signatures, BODY, secrets, NOW);
  }

  static String signed(String secret, long ts) {
    return Signer.sign(secret, ID, ts, BODY);
  }

  @Test
  void aSignatureOfTheCurrentSecretVerifies() {
    assertThat(verifies(Long.toString(NOW), signed(SECRET, NOW), List.of(SECRET))).isTrue();
  }

  @Test
  void theTimestampMayBeFiveMinutesOffEitherWayButNotASecondMore() {
    long early = NOW - InboxSignature.TOLERANCE_SECONDS;
    long late = NOW + InboxSignature.TOLERANCE_SECONDS;
    assertThat(InboxSignature.TOLERANCE_SECONDS).isEqualTo(300);
    assertThat(verifies(Long.toString(early), signed(SECRET, early), List.of(SECRET))).isTrue();
    assertThat(verifies(Long.toString(late), signed(SECRET, late), List.of(SECRET))).isTrue();
    assertThat(verifies(Long.toString(early - 1), signed(SECRET, early - 1), List.of(SECRET)))
        .isFalse();
    assertThat(verifies(Long.toString(late + 1), signed(SECRET, late + 1), List.of(SECRET)))
        .isFalse();
  }

  @Test
  void thePreviousSecretVerifiesWhileItIsStillGiven() {
    String header = signed(PREVIOUS, NOW);
    assertThat(verifies(Long.toString(NOW), header, List.of(SECRET, PREVIOUS))).isTrue();
    assertThat(verifies(Long.toString(NOW), header, List.of(SECRET))).isFalse();
  }

  @Test
  void anyEntryOfTheSpaceSeparatedListMayMatch() {
    String header = signed(OTHER, NOW) + " " + signed(SECRET, NOW);
    assertThat(verifies(Long.toString(NOW), header, List.of(SECRET))).isTrue();
    assertThat(verifies(Long.toString(NOW), signed(OTHER, NOW), List.of(SECRET))).isFalse();
  }

  @Test
  void theSignatureCoversIdTimestampAndBody() {
    String header = signed(SECRET, NOW);
    assertThat(InboxSignature.verifies("evt_other", Long.toString(NOW), header, BODY,
        List.of(SECRET), NOW)).isFalse();
    assertThat(verifies(Long.toString(NOW - 1), header, List.of(SECRET))).isFalse();
    assertThat(InboxSignature.verifies(ID, Long.toString(NOW), header,
        "{\"event\":\"create\",\"id\":8}".getBytes(StandardCharsets.UTF_8), List.of(SECRET), NOW))
        .isFalse();
  }

  @Test
  void malformedOrMissingHeadersDoNotVerify() {
    String good = signed(SECRET, NOW);
    String ts = Long.toString(NOW);
    List<String> secrets = List.of(SECRET);
    assertThat(InboxSignature.verifies(null, ts, good, BODY, secrets, NOW)).isFalse();
    assertThat(InboxSignature.verifies(" ", ts, good, BODY, secrets, NOW)).isFalse();
    assertThat(verifies(null, good, secrets)).isFalse();
    assertThat(verifies("", good, secrets)).isFalse();
    assertThat(verifies("soon", good, secrets)).isFalse();
    assertThat(verifies("1.8e9", good, secrets)).isFalse();
    assertThat(verifies(ts, null, secrets)).isFalse();
    assertThat(verifies(ts, "", secrets)).isFalse();
    assertThat(verifies(ts, good.substring(3), secrets)).as("without v1,").isFalse();
    assertThat(verifies(ts, "v2," + good.substring(3), secrets)).isFalse();
    assertThat(verifies(ts, good.substring(0, good.length() - 2), secrets)).isFalse();
    assertThat(verifies(ts, good + "AA", secrets)).isFalse();
    assertThat(verifies(ts, "v1,", secrets)).isFalse();
    assertThat(verifies(ts, good, List.of())).as("no subscriber points at the inbox").isFalse();
  }

  /** The Standard Webhooks library's own signature verifies here (interoperability). */
  @Test
  void whatTheStandardWebhooksLibrarySignsVerifies() throws Exception {
    long now = System.currentTimeMillis() / 1000;
    String header = new Webhook(SECRET).sign(ID, now, new String(BODY, StandardCharsets.UTF_8));
    assertThat(InboxSignature.verifies(ID, Long.toString(now), header, BODY, List.of(SECRET),
        now)).isTrue();
    // and what the inbox accepts, the library accepts
    new Webhook(SECRET).verify(new String(BODY, StandardCharsets.UTF_8), Map.of(
        "webhook-id", List.of(ID), "webhook-timestamp", List.of(Long.toString(now)),
        "webhook-signature", List.of(signed(SECRET, now))));
  }
}
