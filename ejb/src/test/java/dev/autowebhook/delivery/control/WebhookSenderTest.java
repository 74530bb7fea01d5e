package dev.autowebhook.delivery.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.autowebhook.delivery.entity.AttemptTrigger;
import dev.autowebhook.subscription.entity.SubscriberKind;
import dev.autowebhook.delivery.entity.DeliveryStatus;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookSenderTest {

  /** Loopback is allowed only so that a request that does go out stays on this machine. */
  private final WebhookSender cut = new WebhookSender(new RetrySchedule(60, 0.2),
      new TargetGuard("127.0.0.0/8"), 16);

  @AfterEach
  void close() {
    cut.close();
  }

  private static JsonObject masked(Headers b) {
    return masked(b, Set.of());
  }

  /** As recorded for a subscriber that configured the headers {@code configured}. */
  private static JsonObject masked(Headers b, Set<String> configured) {
    return Json.createReader(new StringReader(WebhookSender.mask(b.map, configured)))
        .readObject();
  }

  /** Request headers in the order they are set. */
  private static final class Headers {
    final Map<String, String> map = new LinkedHashMap<>();

    Headers header(String name, String value) {
      map.put(name, value);
      return this;
    }
  }

  private static Headers request() {
    return new Headers();
  }

  @Test
  void maskHidesTheAuthorizationCredentialButKeepsTheScheme() {
    JsonObject m = masked(request().header("Authorization", "Bearer s3cr3t-token"));
    assertThat(m.getString("Authorization")).isEqualTo("Bearer ****");

    m = masked(request().header("authorization", "Basic dXNlcjpwYXNz"));
    assertThat(m.getString("authorization")).isEqualTo("Basic ****");

    m = masked(request().header("Proxy-Authorization", "Digest abc"));
    assertThat(m.getString("Proxy-Authorization")).isEqualTo("Digest ****");
  }

  @Test
  void maskHidesAnAuthorizationWithoutScheme() {
    JsonObject m = masked(request().header("Authorization", "rawtoken"));
    assertThat(m.getString("Authorization")).isEqualTo("****");
  }

  @Test
  void maskHidesApiKeysAndSensitiveCustomHeaders() {
    JsonObject m = masked(request()
        .header("X-API-Key", "k-123")
        .header("X-Shop-Token", "t-456")
        .header("X-Client-Secret", "s-789")
        .header("X-Password", "p")
        .header("Cookie", "session=abc")
        .header("X-Session-Id", "sid")
        .header("X-Credentials", "c")
        .header("X-Auth", "a"));

    assertThat(m.values()).allSatisfy(v -> assertThat(v.toString()).isEqualTo("\"****\""));
    assertThat(m.keySet()).hasSize(8);
    assertThat(m.toString()).doesNotContain("k-123", "t-456", "s-789", "session=abc", "sid");
  }

  @Test
  void maskKeepsOurOwnHeaders() {
    String signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    JsonObject m = masked(request()
        .header("webhook-signature", signature)
        .header("webhook-id", "evt_1")
        .header("webhook-timestamp", "1614265330")
        .header("Idempotency-Key", "evt_1")
        .header("Content-Type", "application/json")
        .header("User-Agent", WebhookSender.USER_AGENT)
        .header("X-AutoWebhook-Model", "sale.order")
        .header("X-AutoWebhook-Event", "update")
        .header("X-AutoWebhook-Attempt", "2"));

    assertThat(m.getString("webhook-signature")).isEqualTo(signature);
    assertThat(m.getString("webhook-id")).isEqualTo("evt_1");
    assertThat(m.getString("webhook-timestamp")).isEqualTo("1614265330");
    assertThat(m.getString("Idempotency-Key")).isEqualTo("evt_1");
    assertThat(m.getString("Content-Type")).isEqualTo("application/json");
    assertThat(m.getString("User-Agent")).isEqualTo(WebhookSender.USER_AGENT);
    assertThat(m.getString("X-AutoWebhook-Model")).isEqualTo("sale.order");
    assertThat(m.getString("X-AutoWebhook-Event")).isEqualTo("update");
    assertThat(m.getString("X-AutoWebhook-Attempt")).isEqualTo("2");
  }

  /**
   * Custom headers and an api key under any header name are the subscriber's (encrypted at rest,
   * never shown by the API): masked whatever their name looks like.
   */
  @Test
  void maskHidesEveryHeaderTheSubscriberConfiguredWhateverItsName() {
    JsonObject m = masked(request()
        .header("X-Tenant", "acme-tenant-4711")
        .header("X-Client-Ref", "k-innocent-name")
        .header("X-AutoWebhook-Extra", "from-the-subscriber")
        .header("webhook-id", "evt_1"),
        Set.of("x-tenant", "X-Client-Ref", "X-AutoWebhook-Extra"));

    assertThat(m.getString("X-Tenant")).isEqualTo("****");
    assertThat(m.getString("X-Client-Ref")).isEqualTo("****");
    assertThat(m.getString("X-AutoWebhook-Extra")).isEqualTo("****");
    assertThat(m.getString("webhook-id")).isEqualTo("evt_1");
    assertThat(m.toString()).doesNotContain("acme-tenant-4711", "k-innocent-name",
        "from-the-subscriber");
  }

  @Test
  void maskHidesHeadersThatAreNotOurs() {
    JsonObject m = masked(request().header("X-Tenant", "acme").header("Accept", "*/*"));

    assertThat(m.getString("X-Tenant")).isEqualTo("****");
    assertThat(m.getString("Accept")).isEqualTo("****");
  }

  @Test
  void maskOfARequestWithoutHeadersIsAnEmptyObject() {
    assertThat(masked(request())).isEmpty();
  }

  @Test
  void errorClassNamesTheKindOfFailure() {
    assertThat(WebhookSender.errorClass(new ConnectException("refused")))
        .isEqualTo("ConnectionRefused");
    assertThat(WebhookSender.errorClass(new TimeoutException("request timed out")))
        .isEqualTo("Timeout");
    assertThat(WebhookSender.errorClass(new SocketTimeoutException("read timed out")))
        .isEqualTo("Timeout");
    assertThat(WebhookSender.errorClass(new ConnectTimeoutException("connect timed out")))
        .isEqualTo("ConnectTimeout");
    assertThat(WebhookSender.errorClass(new TargetGuard.Refused("x resolves to 10.0.0.1")))
        .isEqualTo("DestinationRefused");
    assertThat(WebhookSender.errorClass(new SSLException("bad record")))
        .isEqualTo("TlsError");
    assertThat(WebhookSender.errorClass(new SSLHandshakeException("PKIX path building failed")))
        .isEqualTo("TlsError");
    assertThat(WebhookSender.errorClass(new UnknownHostException("nowhere.invalid")))
        .isEqualTo("DnsError");
    assertThat(WebhookSender.errorClass(new IOException("connection reset")))
        .isEqualTo("IOError");
    assertThat(WebhookSender.errorClass(new IllegalStateException("boom")))
        .isEqualTo("IllegalStateException");
  }

  @Test
  void errorClassUnwrapsCompletionException() {
    assertThat(WebhookSender.errorClass(new CompletionException(new ConnectException())))
        .isEqualTo("ConnectionRefused");
    assertThat(WebhookSender.errorClass(
        new CompletionException(new ConnectTimeoutException("x")))).isEqualTo("ConnectTimeout");
    assertThat(WebhookSender.errorClass(new CompletionException(new TimeoutException("x"))))
        .isEqualTo("Timeout");
    assertThat(WebhookSender.errorClass(new CompletionException(new SSLException("x"))))
        .isEqualTo("TlsError");
    assertThat(WebhookSender.errorClass(new CompletionException("no cause", null)))
        .isEqualTo("CompletionException");
  }

  @Test
  void errorMessageFallsBackToTheClassName() {
    assertThat(WebhookSender.errorMessage(new CompletionException(new ConnectException())))
        .isEqualTo("java.net.ConnectException");
    assertThat(WebhookSender.errorMessage(new IOException("  ")))
        .isEqualTo("java.io.IOException");
    assertThat(WebhookSender.errorMessage(new IOException("reset by peer")))
        .isEqualTo("reset by peer");
  }

  @Test
  void truncateKeepsShortTextAndMarksCutText() {
    assertThat(AttemptResult.truncate("abc", 3)).isEqualTo("abc");
    assertThat(AttemptResult.truncate("abcd", 3)).isEqualTo("abc…");
  }

  private static Outgoing outgoing(String url, Map<String, String> headers, int attemptNo,
      int maxRetries) {
    Target target = new Target(2L, "sub", SubscriberKind.HTTP, url, null, 1, true, headers,
        List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), maxRetries, 1, 0, 1);
    return Outgoing.single(1L, "evt_1", "sale.order", "update", "medium", attemptNo,
        AttemptTrigger.AUTOMATIC, target, "{}".getBytes(UTF_8));
  }

  @Test
  void nonHttpUrlFailsWithoutSending() {
    AttemptResult r = cut.send(outgoing("ftp://93.184.216.34/x", Map.of(), 1, 5)).join();

    assertThat(r.errorClass()).isEqualTo("DestinationRefused");
    assertThat(r.errorMessage()).isEqualTo("only http and https URLs");
    assertThat(r.statusCode()).isNull();
    assertThat(r.outcome()).isEqualTo(DeliveryStatus.FAILED);
  }

  @Test
  void internalTargetFailsWithoutSendingAndIsRetriedPerSchedule() {
    OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC);
    AttemptResult r = cut.send(outgoing("http://169.254.169.254/latest", Map.of(), 1, 5)).join();

    assertThat(r.errorClass()).isEqualTo("DestinationRefused");
    assertThat(r.errorMessage()).contains("169.254.169.254");
    assertThat(r.outcome()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(r.nextAttemptAt()).isBetween(before.plusSeconds(47), before.plusSeconds(73));
    assertThat(r.succeeded()).isFalse();
    assertThat(r.summary()).startsWith("DestinationRefused: ");
  }

  @Test
  void lastAllowedAttemptIsDead() {
    AttemptResult r = cut.send(outgoing("http://10.0.0.1/", Map.of(), 6, 5)).join();

    assertThat(r.outcome()).isEqualTo(DeliveryStatus.DEAD);
    assertThat(r.nextAttemptAt()).isNull();
  }

  @Test
  void malformedUrlFailsAsInvalidUrl() {
    AttemptResult r = cut.send(outgoing("http://exa mple.com/", Map.of(), 1, 5)).join();

    assertThat(r.errorClass()).isEqualTo("InvalidUrl");
    assertThat(r.outcome()).isEqualTo(DeliveryStatus.FAILED);
  }

  /**
   * Subscribers.customHeaders only refuses CR/LF, and auth_token/api_key are not checked at all:
   * a value no HTTP client may send (characters above U+00FF, control characters) must become a
   * failed attempt, not an exception that would leak the lane slot and the in-flight count.
   */
  @Test
  void headerValueRejectedByTheHttpClientBecomesAFailedResult() {
    Outgoing out = outgoing("http://127.0.0.1:9/hook", Map.of("X-Note", "5 €"), 1, 5);

    assertThatCode(() -> {
      AttemptResult r = cut.send(out).get(5, TimeUnit.SECONDS);
      assertThat(r.outcome()).isEqualTo(DeliveryStatus.FAILED);
      assertThat(r.errorClass()).isEqualTo("InvalidRequest");
    }).doesNotThrowAnyException();
  }

  /**
   * A receiver that echoes the request (a debugging endpoint, an error page) must not put the
   * credentials we sent into the attempt log.
   */
  @Test
  void credentialsEchoedByTheReceiverAreScrubbedFromTheExcerpt() throws Exception {
    com.sun.net.httpserver.HttpServer echo = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    echo.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      StringBuilder b = new StringBuilder();
      exchange.getRequestHeaders().forEach((n, v) -> b.append(n).append(": ").append(v)
          .append('\n'));
      byte[] bytes = b.toString().getBytes(UTF_8);
      exchange.sendResponseHeaders(400, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    echo.start();
    try {
      Outgoing out = outgoing("http://127.0.0.1:" + echo.getAddress().getPort() + "/hook",
          Map.of("Authorization", "Bearer tok-echoed-4711", "X-Client-Ref", "ref-echoed-0815"),
          1, 5);

      AttemptResult r = cut.send(out).get(20, TimeUnit.SECONDS);

      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.responseExcerpt()).contains("Webhook-id: [evt_1]")
          .doesNotContain("tok-echoed-4711", "ref-echoed-0815").contains("****");
      assertThat(r.maskedHeaders()).doesNotContain("tok-echoed-4711", "ref-echoed-0815");
    } finally {
      echo.stop(0);
    }
  }
}
