package dev.autowebhook.delivery.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.net.httpserver.HttpServer;
import dev.autowebhook.delivery.entity.AttemptTrigger;
import dev.autowebhook.delivery.entity.DeliveryStatus;
import dev.autowebhook.subscription.entity.SubscriberKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SSRF guard on real loopback sockets: the destination check runs when the connection is
 * opened, on the addresses it is opened to, so what a name resolves to at check time cannot differ
 * from where the request goes (DNS rebinding), IP literals in every notation are checked, and
 * redirects are never followed. The "bait" servers stand for internal services: they must never
 * see a request.
 */
class ConnectTimeGuardTest {

  private final List<HttpServer> servers = new ArrayList<>();
  private final List<WebhookSender> senders = new ArrayList<>();

  @AfterEach
  void tearDown() {
    senders.forEach(WebhookSender::close);
    servers.forEach(s -> s.stop(0));
  }

  /** A loopback HTTP server on {@code address} that counts requests and answers with status. */
  private AtomicInteger server(String address, int port, int status, String location)
      throws IOException {
    AtomicInteger hits = new AtomicInteger();
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), port),
        0);
    s.createContext("/", exchange -> {
      hits.incrementAndGet();
      exchange.getRequestBody().readAllBytes();
      if (location != null) {
        exchange.getResponseHeaders().set("Location", location);
      }
      exchange.getResponseHeaders().set("Connection", "close");
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    s.start();
    servers.add(s);
    return hits;
  }

  private int lastPort() {
    return servers.get(servers.size() - 1).getAddress().getPort();
  }

  private WebhookSender sender(TargetGuard guard) {
    WebhookSender s = new WebhookSender(new RetrySchedule(60, 0.2), guard, 8);
    senders.add(s);
    return s;
  }

  private static AttemptResult send(WebhookSender sender, String url) throws Exception {
    Target target = new Target(2L, "sub", SubscriberKind.HTTP, url, null, 5, true, Map.of(),
        List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), 5, 1, 0, 1);
    return sender.send(Outgoing.single(1L, "evt_1", "sale.order", "update", "medium", 1,
        AttemptTrigger.AUTOMATIC, target, "{}".getBytes(UTF_8))).get(20, TimeUnit.SECONDS);
  }

  @Test
  void aLoopbackLiteralIsRefusedWhenConnectingAndNothingIsSent() throws Exception {
    AtomicInteger bait = server("127.0.0.1", 0, 200, null);
    WebhookSender guarded = sender(new TargetGuard(null));

    AttemptResult r = send(guarded, "http://127.0.0.1:" + lastPort() + "/hook");

    assertThat(r.errorClass()).isEqualTo("DestinationRefused");
    assertThat(r.errorMessage()).contains("127.0.0.1").contains("AUTOWEBHOOK_ALLOWED_TARGETS");
    assertThat(r.outcome()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(bait).hasValue(0);

    // the same request goes out once the range is allowed: the refusal was the guard's
    assertThat(send(sender(new TargetGuard("127.0.0.1/32")),
        "http://127.0.0.1:" + lastPort() + "/hook").statusCode()).isEqualTo(200);
    assertThat(bait).hasValue(1);
  }

  @Test
  void aNameThatResolvesToLoopbackIsRefused() throws Exception {
    AtomicInteger bait = server("127.0.0.1", 0, 200, null);

    AttemptResult r = send(sender(new TargetGuard(null)), "http://localhost:" + lastPort() + "/");

    assertThat(r.errorClass()).isEqualTo("DestinationRefused");
    assertThat(r.errorMessage()).startsWith("localhost resolves to ");
    assertThat(bait).hasValue(0);
  }

  @Test
  void ipv6LoopbackBracketedAndIpv4MappedFormsAreRefused() throws Exception {
    AtomicInteger v4 = server("127.0.0.1", 0, 200, null);
    int port = lastPort();
    WebhookSender guarded = sender(new TargetGuard(null));

    AttemptResult mapped = send(guarded, "http://[::ffff:127.0.0.1]:" + port + "/");
    AttemptResult hex = send(guarded, "http://[::ffff:7f00:1]:" + port + "/");

    assertThat(mapped.errorClass()).isEqualTo("DestinationRefused");
    assertThat(hex.errorClass()).isEqualTo("DestinationRefused");
    assertThat(v4).hasValue(0);

    AtomicInteger v6;
    try {
      v6 = server("::1", 0, 200, null);
    } catch (IOException e) {
      assumeThat(e).as("IPv6 loopback not available here").isNull();
      return;
    }
    AttemptResult bracketed = send(guarded, "http://[::1]:" + lastPort() + "/");
    assertThat(bracketed.errorClass()).isEqualTo("DestinationRefused");
    assertThat(bracketed.errorMessage()).contains("::1");
    assertThat(v6).hasValue(0);
  }

  @Test
  void cloudMetadataAndLinkLocalAreRefusedWithoutConnecting() throws Exception {
    WebhookSender guarded = sender(new TargetGuard(null));

    AttemptResult metadata = send(guarded, "http://169.254.169.254/latest/meta-data/");
    AttemptResult v6LinkLocal = send(guarded, "http://[fe80::1]/");
    AttemptResult nat64 = send(guarded, "http://[64:ff9b::a9fe:a9fe]/");

    assertThat(metadata.errorClass()).isEqualTo("DestinationRefused");
    assertThat(metadata.errorMessage()).contains("169.254.169.254");
    assertThat(v6LinkLocal.errorClass()).isEqualTo("DestinationRefused");
    assertThat(nat64.errorClass()).isEqualTo("DestinationRefused");
    // refused before any connect: a connect to those would time out after seconds
    assertThat(metadata.durationMs()).isLessThan(2_000);
  }

  /**
   * DNS rebinding: the name answers an allowed address first and a forbidden one afterwards. The
   * request goes to the address that was checked, and the next connection, which resolves again,
   * is refused; the internal service never sees a request. (With a check before the send and a
   * second lookup by the HTTP client, the first request would have reached the bait.)
   */
  @Test
  void aNameThatRebindsToAForbiddenAddressNeverReachesIt() throws Exception {
    AtomicInteger allowed = server("127.0.0.1", 0, 200, null);
    int port = lastPort();
    AtomicInteger bait = server("127.0.0.2", port, 200, null);
    AtomicInteger lookups = new AtomicInteger();
    TargetGuard guard = new TargetGuard("127.0.0.1/32", host -> {
      if (!host.equals("rebind.test")) {
        return InetAddress.getAllByName(host);
      }
      return new InetAddress[] {InetAddress.getByName(
          lookups.incrementAndGet() % 2 == 1 ? "127.0.0.1" : "127.0.0.2")};
    });
    WebhookSender sender = sender(guard);

    AttemptResult first = send(sender, "http://rebind.test:" + port + "/hook");
    AttemptResult second = send(sender, "http://rebind.test:" + port + "/hook");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(allowed).hasValue(1);
    assertThat(second.errorClass()).isEqualTo("DestinationRefused");
    assertThat(second.errorMessage()).contains("127.0.0.2");
    assertThat(bait).hasValue(0);
    assertThat(lookups).hasValue(2); // one lookup per connection, none behind the guard's back
  }

  @Test
  void aRedirectIsNeverFollowed() throws Exception {
    AtomicInteger bait = server("127.0.0.2", 0, 200, null);
    String baitUrl = "http://127.0.0.2:" + lastPort() + "/internal";
    AtomicInteger redirecting = server("127.0.0.1", 0, 302, baitUrl);
    int port = lastPort();
    AtomicInteger metadata = server("127.0.0.1", 0, 307, "http://169.254.169.254/latest/");
    int port307 = lastPort();
    // even with the bait's range allowed, a redirect is a failed attempt, not a second request
    WebhookSender sender = sender(new TargetGuard("127.0.0.0/8"));

    AttemptResult found = send(sender, "http://127.0.0.1:" + port + "/hook");
    AttemptResult temporary = send(sender, "http://127.0.0.1:" + port307 + "/hook");

    assertThat(found.statusCode()).isEqualTo(302);
    assertThat(found.outcome()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(temporary.statusCode()).isEqualTo(307);
    assertThat(redirecting).hasValue(1);
    assertThat(metadata).hasValue(1);
    assertThat(bait).hasValue(0);
  }

  @Test
  void anUnknownNameIsADnsError() throws Exception {
    AttemptResult r = send(sender(new TargetGuard(null, host -> {
      throw new UnknownHostException(host);
    })), "http://nowhere.invalid/");

    assertThat(r.errorClass()).isEqualTo("DnsError");
    assertThat(r.errorMessage()).isEqualTo(TargetGuard.DNS_FAILURE + "nowhere.invalid");
  }
}
