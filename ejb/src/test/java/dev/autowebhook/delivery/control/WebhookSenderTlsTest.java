package dev.autowebhook.delivery.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.autowebhook.delivery.entity.AttemptTrigger;
import dev.autowebhook.subscription.entity.SubscriberKind;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS to a receiver with a self-signed certificate (made by the JDK's keytool): refused while
 * the subscriber verifies TLS, delivered once it does not.
 */
class WebhookSenderTlsTest {

  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir
  Path dir;
  private HttpsServer server;
  private final AtomicInteger hits = new AtomicInteger();
  private final WebhookSender sender = new WebhookSender(new RetrySchedule(60, 0.2),
      new TargetGuard("127.0.0.0/8"), 4);

  @BeforeEach
  void start() throws Exception {
    Path keystore = dir.resolve("receiver.p12");
    Process keytool = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-dname", "CN=receiver.test",
        "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
        "-storepass", new String(PASSWORD)).redirectErrorStream(true).start();
    keytool.getInputStream().readAllBytes();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).isZero();

    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, PASSWORD);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, PASSWORD);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext("/", exchange -> {
      hits.incrementAndGet();
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    sender.close();
    server.stop(0);
  }

  private AttemptResult send(boolean verifyTls) throws Exception {
    Target target = new Target(2L, "sub", SubscriberKind.HTTP,
        "https://127.0.0.1:" + server.getAddress().getPort() + "/hook", null, 5, verifyTls,
        Map.of(), List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), 5, 1, 0, 1);
    return sender.send(Outgoing.single(1L, "evt_1", "sale.order", "update", "medium", 1,
        AttemptTrigger.AUTOMATIC, target, "{}".getBytes(UTF_8))).get(30, TimeUnit.SECONDS);
  }

  @Test
  void aSelfSignedCertificateIsRefusedWhileTlsIsVerified() throws Exception {
    AttemptResult r = send(true);

    assertThat(r.errorClass()).isEqualTo("TlsError");
    assertThat(r.statusCode()).isNull();
    assertThat(hits).hasValue(0);
  }

  @Test
  void aSelfSignedCertificateIsAcceptedWhenVerificationIsOff() throws Exception {
    AttemptResult r = send(false);

    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.errorClass()).isNull();
    assertThat(hits).hasValue(1);
  }
}
