package dev.autowebhook.delivery.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;
import dev.autowebhook.delivery.entity.AttemptTrigger;
import dev.autowebhook.subscription.control.SecretGenerator;
import dev.autowebhook.subscription.entity.SubscriberKind;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replay-attack safety as a receiver sees it, checked with the official Standard Webhooks library
 * (com.standardwebhooks, whose {@code verify} allows 5 minutes of clock difference): a request
 * really sent by {@link WebhookSender} verifies; the same event signed with a timestamp outside
 * the tolerance, as a captured request replayed later would carry, is rejected; and the signature
 * binds the timestamp, so an attacker cannot refresh it. Every attempt is signed anew with its own
 * send time, so a retry hours later is not mistaken for a replay.
 */
class ReplayProtectionTest {

  /** What the library accepts; Standard Webhooks' recommended default. */
  private static final long TOLERANCE_SECONDS = 5 * 60;

  private final String secret = SecretGenerator.newSecret();
  private final LinkedBlockingQueue<Captured> captured = new LinkedBlockingQueue<>();
  private HttpServer receiver;
  private WebhookSender sender;

  /** One request as the receiver got it. */
  record Captured(HttpHeaders headers, String body) {}

  @BeforeEach
  void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
      captured.add(new Captured(HttpHeaders.of(exchange.getRequestHeaders(), (n, v) -> true),
          body));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
    sender = new WebhookSender(new RetrySchedule(60, 0.2), new TargetGuard("127.0.0.0/8"), 4);
  }

  @AfterEach
  void stop() {
    sender.close();
    receiver.stop(0);
  }

  private Captured deliver(int attemptNo) throws Exception {
    Target target = new Target(2L, "sub", SubscriberKind.HTTP,
        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", null, 5, true, Map.of(),
        List.of(secret), 5, 1, 0, 1);
    AttemptResult r = sender.send(Outgoing.single(1L, "evt_replay", "sale.order", "update",
        "medium", attemptNo, AttemptTrigger.AUTOMATIC, target,
        "{\"id\":\"evt_replay\",\"amount\":10}".getBytes(UTF_8))).get(20, TimeUnit.SECONDS);
    assertThat(r.statusCode()).isEqualTo(204);
    return captured.poll(5, TimeUnit.SECONDS);
  }

  /** The captured request with its timestamp moved and signed again as the sender would. */
  private HttpHeaders signedAt(Captured c, long timestamp) {
    String id = c.headers().firstValue("webhook-id").orElseThrow();
    return HttpHeaders.of(Map.of(
        "webhook-id", List.of(id),
        "webhook-timestamp", List.of(Long.toString(timestamp)),
        "webhook-signature", List.of(Signer.header(List.of(secret), id, timestamp,
            c.body().getBytes(UTF_8)))), (n, v) -> true);
  }

  @Test
  void aDeliveredRequestVerifiesWithTheOfficialLibrary() throws Exception {
    Captured c = deliver(1);

    assertThatCode(() -> new Webhook(secret).verify(c.body(), c.headers()))
        .doesNotThrowAnyException();
  }

  @Test
  void aRequestWhoseTimestampIsOutsideTheToleranceIsRejected() throws Exception {
    Captured c = deliver(1);
    long now = Instant.now().getEpochSecond();
    Webhook receiverSide = new Webhook(secret);

    assertThatThrownBy(() -> receiverSide.verify(c.body(),
        signedAt(c, now - TOLERANCE_SECONDS - 30)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("too old");
    assertThatThrownBy(() -> receiverSide.verify(c.body(),
        signedAt(c, now + TOLERANCE_SECONDS + 30)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("too new");
    // inside the window the same re-signing is accepted: the rejections above were the clock's
    assertThatCode(() -> receiverSide.verify(c.body(), signedAt(c, now - TOLERANCE_SECONDS + 30)))
        .doesNotThrowAnyException();
  }

  @Test
  void aReplayCannotRefreshTheTimestampWithoutTheSecret() throws Exception {
    Captured c = deliver(1);
    String oldSignature = c.headers().firstValue("webhook-signature").orElseThrow();
    long fresh = Instant.now().getEpochSecond() + 60;
    HttpHeaders refreshed = HttpHeaders.of(Map.of(
        "webhook-id", c.headers().allValues("webhook-id"),
        "webhook-timestamp", List.of(Long.toString(fresh)),
        "webhook-signature", List.of(oldSignature)), (n, v) -> true);

    assertThatThrownBy(() -> new Webhook(secret).verify(c.body(), refreshed))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("No matching signature");
  }

  @Test
  void everyAttemptIsSignedWithItsOwnSendTimeAndKeepsTheEventId() throws Exception {
    Captured first = deliver(1);
    Captured retry = deliver(7);
    long now = Instant.now().getEpochSecond();

    for (Captured c : List.of(first, retry)) {
      assertThat(c.headers().firstValue("webhook-id")).hasValue("evt_replay");
      assertThat(Long.parseLong(c.headers().firstValue("webhook-timestamp").orElseThrow()))
          .isBetween(now - 5, now);
      assertThatCode(() -> new Webhook(secret).verify(c.body(), c.headers()))
          .doesNotThrowAnyException();
    }
    assertThat(retry.headers().firstValue("X-AutoWebhook-Attempt")).hasValue("7");
  }
}
