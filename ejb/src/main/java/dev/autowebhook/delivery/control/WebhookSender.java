package dev.autowebhook.delivery.control;

import dev.autowebhook.platform.Jsonp;
import dev.autowebhook.platform.Time;
import dev.autowebhook.delivery.entity.AttemptTrigger;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Makes one HTTP attempt: signs the body (Standard Webhooks), adds auth and custom headers, POSTs
 * it asynchronously with the subscriber's timeout, and turns the outcome into an
 * {@link AttemptResult}: 2xx is success, anything else, a timeout or a connection error is a
 * failure, retried per {@link RetrySchedule} until the budget is spent. No database here.
 *
 * <p>Apache HttpClient 5 (async, HTTP/1.1, pooled keep-alive connections) rather than the JDK
 * HttpClient or MicroProfile Rest Client: targets are dynamic URLs with per-request headers and
 * exact body bytes, and its {@link DnsResolver} hook lets the {@link TargetGuard} check the very
 * addresses each connection is opened to. The JDK client resolves the host again on its own, so a
 * name that answers a public address to a check and a private one to the connect (DNS rebinding)
 * would get through. Redirects are never followed: a 3xx is a failed attempt, so a receiver
 * cannot bounce a signed request to another host. The client runs on its own I/O threads; the
 * completion of each request is cheap (the dispatcher queues it), so nothing here needs an EE
 * context.
 */
public class WebhookSender implements DeliveryChannel, AutoCloseable {

  public static final String USER_AGENT = "AutoWebhook-JakartaEE/1.0";
  static final int EXCERPT_BYTES = 1024;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /**
   * The headers we set ourselves, recorded as sent (lower case; also every {@code
   * x-autowebhook-…}). Every other value came from the subscriber — credentials, custom headers,
   * which the API itself never shows — and is recorded as {@code ****}.
   */
  static final Set<String> OWN_HEADERS = Set.of("content-type", "user-agent", "idempotency-key",
      "webhook-id", "webhook-timestamp", "webhook-signature");
  /** RFC 9110 token characters: what a header name may contain. */
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private static final ContentType JSON = ContentType.create("application/json");

  private final CloseableHttpAsyncClient verifying;
  private final CloseableHttpAsyncClient trusting;
  private final RetrySchedule schedule;

  /**
   * @param maxConnections how many connections may be open at once, in total and to one host
   *     (the dispatcher's in-flight limit bounds them anyway)
   */
  public WebhookSender(RetrySchedule schedule, TargetGuard guard, int maxConnections) {
    this.schedule = schedule;
    this.verifying = client(guard, maxConnections, SSLContexts.createSystemDefault(), true);
    this.trusting = client(guard, maxConnections, trustAll(), false);
  }

  private static CloseableHttpAsyncClient client(TargetGuard guard, int maxConnections,
      SSLContext tls, boolean verifyHost) {
    ClientTlsStrategyBuilder tlsStrategy = ClientTlsStrategyBuilder.create().setSslContext(tls);
    if (!verifyHost) {
      tlsStrategy.setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT)
          .setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
    }
    CloseableHttpAsyncClient client = HttpAsyncClients.custom()
        .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
            .setDnsResolver(dns(guard))
            .setTlsStrategy(tlsStrategy.buildAsync())
            .setDefaultTlsConfig(TlsConfig.custom()
                .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build())
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(CONNECT_TIMEOUT))
                .setValidateAfterInactivity(TimeValue.ofSeconds(2)).build())
            .setMaxConnTotal(maxConnections).setMaxConnPerRoute(maxConnections).build())
        .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(2).build())
        .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).build())
        .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
        .disableAuthCaching().disableConnectionState().disableContentCompression()
        .evictIdleConnections(TimeValue.ofSeconds(30))
        .build();
    client.start();
    return client;
  }

  private static DnsResolver dns(TargetGuard guard) {
    return new DnsResolver() {
      @Override
      public InetAddress[] resolve(String host) throws UnknownHostException {
        return guard.resolve(host);
      }

      @Override
      public String resolveCanonicalHostname(String host) {
        return host;
      }
    };
  }

  /** Stops both clients: requests in flight get up to 5 s, then their connections are closed. */
  @Override
  public void close() {
    verifying.initiateShutdown();
    trusting.initiateShutdown();
    verifying.close(CloseMode.GRACEFUL);
    trusting.close(CloseMode.GRACEFUL);
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
    if (!TargetGuard.isHttp(uri) || uri.getHost() == null) {
      String why = TargetGuard.isHttp(uri) ? "the URL has no host" : "only http and https URLs";
      return CompletableFuture.completedFuture(
          failure(out, started, t0, null, null, "DestinationRefused", why, null, null));
    }
    long ts = started.toEpochSecond();
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, String> h : target.headers().entrySet()) {
      put(headers, h.getKey(), h.getValue());
    }
    put(headers, "Content-Type", "application/json");
    put(headers, "User-Agent", USER_AGENT);
    put(headers, "Idempotency-Key", out.eventUid());
    put(headers, "webhook-id", out.eventUid());
    put(headers, "webhook-timestamp", Long.toString(ts));
    put(headers, "webhook-signature",
        Signer.header(target.secrets(), out.eventUid(), ts, out.body()));
    put(headers, "X-AutoWebhook-Model", out.model());
    put(headers, "X-AutoWebhook-Event", out.event());
    put(headers, "X-AutoWebhook-Attempt", Integer.toString(out.attemptNo()));
    if (out.isBatch()) {
      put(headers, "X-AutoWebhook-Batch-Size", Integer.toString(out.members().size()));
    }
    if (out.trigger() == AttemptTrigger.TEST) {
      put(headers, "X-AutoWebhook-Test", "true");
    }
    String invalid = invalidHeader(headers);
    if (invalid != null) {
      // a header value no HTTP client may send: a failed attempt, never a lost one
      return CompletableFuture.completedFuture(failure(out, started, t0, null, null,
          "InvalidRequest", invalid, null, null));
    }
    String masked = mask(headers, target.headers().keySet());
    List<String> hidden = hiddenValues(headers, target.headers().keySet());
    Timeout timeout = Timeout.ofSeconds(target.timeoutSeconds());
    SimpleRequestBuilder rb = SimpleRequestBuilder.post(uri)
        .setBody(out.body(), JSON)
        .setRequestConfig(RequestConfig.custom().setRedirectsEnabled(false)
            .setResponseTimeout(timeout).build());
    headers.forEach((name, value) -> {
      if (!name.equalsIgnoreCase("Content-Type")) {
        rb.setHeader(name, value);
      }
    });
    CompletableFuture<Excerpt> response = new CompletableFuture<>();
    CloseableHttpAsyncClient client = target.verifyTls() ? verifying : trusting;
    try {
      Future<Excerpt> call = client.execute(SimpleRequestProducer.create(rb.build()),
          new ExcerptConsumer(), new FutureCallback<>() {
            @Override
            public void completed(Excerpt result) {
              response.complete(result);
            }

            @Override
            public void failed(Exception ex) {
              response.completeExceptionally(ex);
            }

            @Override
            public void cancelled() {
              response.completeExceptionally(new TimeoutException("request timed out"));
            }
          });
      // the whole exchange, not only each read, is bounded by the subscriber's timeout
      response.orTimeout(target.timeoutSeconds(), TimeUnit.SECONDS)
          .whenComplete((r, e) -> {
            if (e != null) {
              call.cancel(true);
            }
          });
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(failure(out, started, t0, null, null,
          e.getClass().getSimpleName(), String.valueOf(e.getMessage()), masked, null));
    }
    return response.handle((resp, err) -> err == null
        ? outcome(out, started, t0, resp.scrubbed(hidden), masked)
        : failure(out, started, t0, null, null, errorClass(err), errorMessage(err), masked,
            null));
  }

  private static void put(Map<String, String> headers, String name, String value) {
    headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
    headers.put(name, value);
  }

  /**
   * Why a header cannot be sent (RFC 9110: a token name; a value of visible characters, spaces,
   * tabs and obs-text, no CR, LF or other control character), or null.
   */
  static String invalidHeader(Map<String, String> headers) {
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (!TOKEN.matcher(h.getKey()).matches()) {
        return "invalid header name: " + h.getKey();
      }
      String v = h.getValue() == null ? "" : h.getValue();
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        if ((c < 0x20 && c != '\t') || c == 0x7F || c > 0xFF) {
          return "invalid character in the value of header " + h.getKey();
        }
      }
    }
    return null;
  }

  /** Status, Retry-After and the first bytes of the body of one response. */
  record Excerpt(int status, String retryAfter, String body) {

    /**
     * The excerpt with every credential we sent replaced by ****: a receiver that echoes the
     * request (a debugging endpoint, an error page) must not put them into the attempt log.
     */
    Excerpt scrubbed(List<String> secrets) {
      String b = body;
      for (String secret : secrets) {
        b = b.replace(secret, "****");
      }
      return b.equals(body) ? this : new Excerpt(status, retryAfter, b);
    }
  }

  /** Keeps the first {@link #EXCERPT_BYTES} bytes of a response body and discards the rest. */
  static final class ExcerptConsumer extends AbstractBinResponseConsumer<Excerpt> {
    private final byte[] buf = new byte[EXCERPT_BYTES];
    private int len;
    private HttpResponse head;

    @Override
    protected void start(HttpResponse response, ContentType contentType) {
      head = response;
    }

    @Override
    protected int capacityIncrement() {
      return 64 * 1024;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) {
      int n = Math.min(src.remaining(), buf.length - len);
      src.get(buf, len, n);
      len += n;
      src.position(src.limit());
    }

    @Override
    protected Excerpt buildResult() {
      Header retryAfter = head.getFirstHeader("Retry-After");
      return new Excerpt(head.getCode(), retryAfter == null ? null : retryAfter.getValue(),
          new String(buf, 0, len, StandardCharsets.UTF_8));
    }

    @Override
    public void releaseResources() {}
  }

  private AttemptResult outcome(Outgoing out, OffsetDateTime started, long t0, Excerpt resp,
      String masked) {
    int code = resp.status();
    if (code >= 200 && code < 300) {
      return AttemptResult.sent(out, started, elapsed(t0), code, resp.body(), masked);
    }
    Duration retryAfter = RetrySchedule.parseRetryAfter(resp.retryAfter(), Time.now());
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

  private static Throwable unwrap(Throwable err) {
    return err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
  }

  static String errorClass(Throwable err) {
    Throwable e = unwrap(err);
    if (e instanceof TargetGuard.Refused) {
      return "DestinationRefused";
    }
    if (e instanceof ConnectTimeoutException) {
      return "ConnectTimeout";
    }
    if (e instanceof TimeoutException || e instanceof SocketTimeoutException) {
      return "Timeout";
    }
    if (e instanceof UnknownHostException) {
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
    Throwable e = unwrap(err);
    if (e instanceof TimeoutException) {
      return "request timed out";
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getName() : m;
  }

  /**
   * The request headers as JSON for the attempt log: our own headers as sent, the scheme of an
   * authorization, and {@code ****} for every other value and for every header the subscriber
   * configured ({@code configured}: its custom and auth header names), whatever its name.
   */
  static String mask(Map<String, String> headers, Set<String> configured) {
    Set<String> fromSubscriber = lowerCase(configured);
    JsonObjectBuilder b = Jsonp.PROVIDER.createObjectBuilder();
    headers.forEach((name, value) -> {
      String v = value == null ? "" : value;
      String lower = name.toLowerCase(Locale.ROOT);
      if (isAuthorization(lower)) {
        int sp = v.indexOf(' ');
        v = (sp > 0 ? v.substring(0, sp + 1) : "") + "****";
      } else if (isHidden(lower, fromSubscriber)) {
        v = "****";
      }
      b.add(name, v);
    });
    return b.build().toString();
  }

  /**
   * The values {@link #mask} hides (an authorization also without its scheme), longest first, so
   * that they can be removed from what the receiver answered. Values shorter than 4 characters
   * are left: replacing them would garble the excerpt and hide nothing worth a guess.
   */
  static List<String> hiddenValues(Map<String, String> headers, Set<String> configured) {
    Set<String> fromSubscriber = lowerCase(configured);
    List<String> values = new ArrayList<>();
    headers.forEach((name, value) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (value == null) {
        return;
      }
      if (isAuthorization(lower)) {
        int sp = value.indexOf(' ');
        values.add(sp > 0 ? value.substring(sp + 1).trim() : value);
      }
      if (isAuthorization(lower) || isHidden(lower, fromSubscriber)) {
        values.add(value);
      }
    });
    values.removeIf(v -> v.length() < 4);
    values.sort(Comparator.comparingInt(String::length).reversed());
    return values;
  }

  private static boolean isAuthorization(String lowerName) {
    return lowerName.equals("authorization") || lowerName.equals("proxy-authorization");
  }

  private static boolean isHidden(String lowerName, Set<String> fromSubscriber) {
    return fromSubscriber.contains(lowerName)
        || !(OWN_HEADERS.contains(lowerName) || lowerName.startsWith("x-autowebhook-"));
  }

  private static Set<String> lowerCase(Set<String> names) {
    Set<String> lower = new HashSet<>();
    names.forEach(n -> lower.add(n.toLowerCase(Locale.ROOT)));
    return lower;
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
}
