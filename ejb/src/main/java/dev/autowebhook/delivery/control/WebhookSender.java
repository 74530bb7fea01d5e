package dev.autowebhook.delivery.control;

import dev.autowebhook.platform.Jsonp;
import dev.autowebhook.platform.Time;
import dev.autowebhook.delivery.entity.AttemptTrigger;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Makes one HTTP attempt: signs the body (Standard Webhooks), adds auth and custom headers, POSTs
 * it asynchronously with the subscriber's timeout, and turns the outcome into an
 * {@link AttemptResult}: 2xx is success, anything else, a timeout or a connection error is a
 * failure, retried per {@link RetrySchedule} until the budget is spent. No database here.
 *
 * <p>The JDK HttpClient is used rather than MicroProfile Rest Client: targets are dynamic URLs
 * with per-request headers and exact body bytes, and the async client sends thousands of requests
 * per second on two threads. It runs on its own internal executor, on purpose: handed a container
 * executor it submits several tasks per request to it (Payara captures the EE context of every
 * task, scanning the class path each time), and completes every response through the
 * CompletableFuture default pool, which on a machine with fewer than three cores starts a new
 * thread per task. Nothing here needs an EE context.
 */
public class WebhookSender implements DeliveryChannel {

  public static final String USER_AGENT = "AutoWebhook-JakartaEE/1.0";
  static final int EXCERPT_BYTES = 1024;
  private static final Pattern SENSITIVE =
      Pattern.compile("(?i).*(auth|token|key|secret|pass|cookie|session|credential).*");

  private final HttpClient verifying;
  private final HttpClient trusting;
  private final RetrySchedule schedule;
  private final TargetGuard guard;

  public WebhookSender(RetrySchedule schedule, TargetGuard guard) {
    this.schedule = schedule;
    this.guard = guard;
    this.verifying = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.trusting = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER)
        .sslContext(trustAll()).sslParameters(noHostnameCheck()).build();
  }

  /** Sends and never completes exceptionally: every failure becomes a failed result. */
  @Override
  public CompletableFuture<AttemptResult> send(Outgoing out) {
    Target target = out.target();
    OffsetDateTime started = Time.now();
    long t0 = System.nanoTime();
    URI uri;
    try {
      uri = URI.create(target.url());
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(
          failure(out, started, t0, null, null, "InvalidUrl", e.getMessage(), null, null));
    }
    String refusal = TargetGuard.isHttp(uri) ? guard.refusal(uri) : "only http and https URLs";
    if (refusal != null) {
      String kind = refusal.startsWith(TargetGuard.DNS_FAILURE) ? "DnsError" : "DestinationRefused";
      return CompletableFuture.completedFuture(failure(out, started, t0, null, null, kind, refusal,
          null, null));
    }
    long ts = started.toEpochSecond();
    HttpRequest request;
    try {
      HttpRequest.Builder rb = HttpRequest.newBuilder(uri)
          .timeout(Duration.ofSeconds(target.timeoutSeconds()))
          .POST(HttpRequest.BodyPublishers.ofByteArray(out.body()));
      for (Map.Entry<String, String> h : target.headers().entrySet()) {
        rb.setHeader(h.getKey(), h.getValue());
      }
      rb.setHeader("Content-Type", "application/json")
          .setHeader("User-Agent", USER_AGENT)
          .setHeader("Idempotency-Key", out.eventUid())
          .setHeader("webhook-id", out.eventUid())
          .setHeader("webhook-timestamp", Long.toString(ts))
          .setHeader("webhook-signature",
              Signer.header(target.secrets(), out.eventUid(), ts, out.body()))
          .setHeader("X-AutoWebhook-Model", out.model())
          .setHeader("X-AutoWebhook-Event", out.event())
          .setHeader("X-AutoWebhook-Attempt", Integer.toString(out.attemptNo()));
      if (out.isBatch()) {
        rb.setHeader("X-AutoWebhook-Batch-Size", Integer.toString(out.members().size()));
      }
      if (out.trigger() == AttemptTrigger.TEST) {
        rb.setHeader("X-AutoWebhook-Test", "true");
      }
      request = rb.build();
    } catch (IllegalArgumentException e) {
      // e.g. a header value the HTTP client refuses: a failed attempt, never a lost one
      return CompletableFuture.completedFuture(failure(out, started, t0, null, null,
          "InvalidRequest", e.getMessage(), null, null));
    }
    String masked = mask(request);
    HttpClient client = target.verifyTls() ? verifying : trusting;
    try {
      return client.sendAsync(request, info -> excerpt())
          .handle((resp, err) -> err == null
              ? outcome(out, started, t0, resp, masked)
              : failure(out, started, t0, null, null, errorClass(err), errorMessage(err), masked,
                  null));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(failure(out, started, t0, null, null,
          e.getClass().getSimpleName(), String.valueOf(e.getMessage()), masked, null));
    }
  }

  private AttemptResult outcome(Outgoing out, OffsetDateTime started, long t0,
      HttpResponse<String> resp, String masked) {
    int code = resp.statusCode();
    if (code >= 200 && code < 300) {
      return AttemptResult.sent(out, started, elapsed(t0), code, resp.body(), masked);
    }
    Duration retryAfter = RetrySchedule.parseRetryAfter(
        resp.headers().firstValue("Retry-After").orElse(null), Time.now());
    return failure(out, started, t0, code, resp.body(), null, null, masked, retryAfter);
  }

  private AttemptResult failure(Outgoing out, OffsetDateTime started, long t0, Integer code,
      String body, String errorClass, String message, String masked, Duration retryAfter) {
    return AttemptResult.failed(out, schedule, started, elapsed(t0), code, body, errorClass,
        message, masked, retryAfter);
  }

  private static long elapsed(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  static String errorClass(Throwable err) {
    Throwable e = err instanceof CompletionException && err.getCause() != null ? err.getCause()
        : err;
    if (e instanceof HttpConnectTimeoutException) {
      return "ConnectTimeout";
    }
    if (e instanceof HttpTimeoutException) {
      return "Timeout";
    }
    if (e instanceof UnresolvedAddressException
        || e.getCause() instanceof UnresolvedAddressException) {
      return "DnsError";
    }
    if (e instanceof ConnectException) {
      return "ConnectionRefused";
    }
    if (e instanceof SSLException) {
      return "TlsError";
    }
    if (e instanceof IOException) {
      return "IOError";
    }
    return e.getClass().getSimpleName();
  }

  static String errorMessage(Throwable err) {
    Throwable e = err instanceof CompletionException && err.getCause() != null ? err.getCause()
        : err;
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getName() : m;
  }

  /** The request headers as JSON, credentials replaced by ****. */
  static String mask(HttpRequest request) {
    JsonObjectBuilder b = Jsonp.PROVIDER.createObjectBuilder();
    request.headers().map().forEach((name, values) -> {
      String v = values.isEmpty() ? "" : values.get(0);
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("authorization") || lower.equals("proxy-authorization")) {
        int sp = v.indexOf(' ');
        v = (sp > 0 ? v.substring(0, sp + 1) : "") + "****";
      } else if (!lower.equals("webhook-signature") && !lower.equals("idempotency-key")
          && SENSITIVE.matcher(lower).matches()) {
        v = "****";
      }
      b.add(name, v);
    });
    return b.build().toString();
  }

  /** Keeps the first {@link #EXCERPT_BYTES} bytes of a response body and discards the rest. */
  private static HttpResponse.BodySubscriber<String> excerpt() {
    byte[] buf = new byte[EXCERPT_BYTES];
    int[] len = {0};
    Flow.Subscriber<List<ByteBuffer>> sink = new Flow.Subscriber<>() {
      @Override
      public void onSubscribe(Flow.Subscription s) {
        s.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer bb : items) {
          int n = Math.min(bb.remaining(), buf.length - len[0]);
          bb.get(buf, len[0], n);
          len[0] += n;
        }
      }

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onComplete() {}
    };
    return HttpResponse.BodySubscribers.fromSubscriber(sink,
        s -> new String(buf, 0, len[0], StandardCharsets.UTF_8));
  }

  private static SSLContext trustAll() {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
          return new X509Certificate[0];
        }
      }}, new SecureRandom());
      return ctx;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SSLParameters noHostnameCheck() {
    SSLParameters p = new SSLParameters();
    p.setEndpointIdentificationAlgorithm(null);
    return p;
  }
}
