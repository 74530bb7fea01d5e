package dev.autowebhook.delivery.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import dev.autowebhook.subscription.control.SecretGenerator;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignerTest {

  private static final String ID = "evt_0123456789abcdef";
  private static final String BODY = "{\"id\":\"evt_0123456789abcdef\",\"model\":\"sale.order\","
      + "\"data\":{\"name\":\"Müller & Söhne €\",\"amount_total\":12.50}}";

  private final String secret = SecretGenerator.newSecret();
  private final long ts = Instant.now().getEpochSecond();

  private static HttpHeaders headers(String id, long ts, String signature) {
    return HttpHeaders.of(Map.of(
        "webhook-id", List.of(id),
        "webhook-timestamp", List.of(Long.toString(ts)),
        "webhook-signature", List.of(signature)), (n, v) -> true);
  }

  private static void verify(String secret, String payload, HttpHeaders headers)
      throws WebhookVerificationException {
    new Webhook(secret).verify(payload, headers);
  }

  @Test
  void officialLibraryVerifiesTheSignature() {
    String sig = Signer.header(List.of(secret), ID, ts, BODY.getBytes(UTF_8));

    assertThat(sig).startsWith("v1,").doesNotContain(" ");
    assertThatCode(() -> verify(secret, BODY, headers(ID, ts, sig))).doesNotThrowAnyException();
  }

  @Test
  void signatureEqualsTheOfficialLibrarysOwn() throws Exception {
    assertThat(Signer.sign(secret, ID, ts, BODY.getBytes(UTF_8)))
        .isEqualTo(new Webhook(secret).sign(ID, ts, BODY));
  }

  @Test
  void matchesThePublishedStandardWebhooksTestVector() {
    String sig = Signer.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}".getBytes(UTF_8));
    assertThat(sig).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void secretWithoutPrefixSignsTheSame() {
    String bare = secret.substring(Signer.SECRET_PREFIX.length());
    assertThat(Signer.sign(bare, ID, ts, BODY.getBytes(UTF_8)))
        .isEqualTo(Signer.sign(secret, ID, ts, BODY.getBytes(UTF_8)));
  }

  @Test
  void tamperedBodyFails() {
    String sig = Signer.header(List.of(secret), ID, ts, BODY.getBytes(UTF_8));
    String tampered = BODY.replace("12.50", "1250");
    assertThatThrownBy(() -> verify(secret, tampered, headers(ID, ts, sig)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("No matching signature");
    assertThatThrownBy(() -> verify(secret, BODY + " ", headers(ID, ts, sig)))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void tamperedTimestampFails() {
    String sig = Signer.header(List.of(secret), ID, ts, BODY.getBytes(UTF_8));
    assertThatThrownBy(() -> verify(secret, BODY, headers(ID, ts - 1, sig)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("No matching signature");
  }

  @Test
  void tamperedIdFails() {
    String sig = Signer.header(List.of(secret), ID, ts, BODY.getBytes(UTF_8));
    assertThatThrownBy(() -> verify(secret, BODY, headers(ID + "x", ts, sig)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("No matching signature");
  }

  @Test
  void otherSecretFails() {
    String sig = Signer.header(List.of(secret), ID, ts, BODY.getBytes(UTF_8));
    assertThatThrownBy(() -> verify(SecretGenerator.newSecret(), BODY, headers(ID, ts, sig)))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void headerWithTwoSecretsCarriesTwoSignaturesThatEachVerify() {
    String previous = SecretGenerator.newSecret();
    String header = Signer.header(List.of(secret, previous), ID, ts, BODY.getBytes(UTF_8));

    String[] parts = header.split(" ");
    assertThat(parts).hasSize(2).allSatisfy(p -> assertThat(p).startsWith("v1,"));
    assertThat(parts[0]).isEqualTo(Signer.sign(secret, ID, ts, BODY.getBytes(UTF_8)));
    assertThat(parts[1]).isEqualTo(Signer.sign(previous, ID, ts, BODY.getBytes(UTF_8)));
    assertThat(parts[0]).isNotEqualTo(parts[1]);

    assertThatCode(() -> verify(secret, BODY, headers(ID, ts, header)))
        .doesNotThrowAnyException();
    assertThatCode(() -> verify(previous, BODY, headers(ID, ts, header)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> verify(SecretGenerator.newSecret(), BODY, headers(ID, ts, header)))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void signatureIsBase64OfThirtyTwoBytes() {
    String sig = Signer.sign(secret, ID, ts, new byte[0]);
    assertThat(Base64.getDecoder().decode(sig.substring(3))).hasSize(32);
  }

  @Test
  void noSecretsGiveAnEmptyHeader() {
    assertThat(Signer.header(List.of(), ID, ts, BODY.getBytes(UTF_8))).isEmpty();
  }

  @Test
  void secretThatIsNotBase64IsRejected() {
    assertThatThrownBy(() -> Signer.sign("whsec_not base64!", ID, ts, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
