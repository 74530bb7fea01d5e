package dev.autowebhook.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real Artemis broker embedded in the test JVM, consumed through the standard Jakarta
 * Messaging API, so what is asserted is what an enterprise consumer would receive.
 */
class JmsPublisherTest {

  private static final Logger ARTEMIS_LOG = Logger.getLogger("org.apache.activemq");
  private static final Map<String, String> PROPERTIES = Map.of("model", "sale.order",
      "event", "updated", "priority", "high", "event_id", "evt-42", "attempt", "3");

  @TempDir static Path dir;
  static EmbeddedActiveMQ broker;
  static String url;
  static ActiveMQConnectionFactory factory;

  private ActiveMQConnectionFactory publishing;
  private JmsPublisher cut;

  @BeforeAll
  static void startBroker() throws Exception {
    ARTEMIS_LOG.setLevel(Level.WARNING);
    int port = freePort();
    broker = broker(port, dir.resolve("main"));
    url = "tcp://127.0.0.1:" + port;
    factory = new ActiveMQConnectionFactory(url);
  }

  @AfterAll
  static void stopBroker() throws Exception {
    factory.close();
    broker.stop();
  }

  @BeforeEach
  void publisher() {
    publishing = new ActiveMQConnectionFactory(url + "?confirmationWindowSize=1048576");
    cut = new JmsPublisher(publishing);
  }

  @AfterEach
  void close() {
    cut.close();
    publishing.close();
  }

  @Test
  void publishesAPersistentTextMessageToAQueue() throws Exception {
    cut.publish(JmsDestination.parse("queue:orders"), "{\"id\":\"evt-42\"}", PROPERTIES, 5);

    try (Connection c = factory.createConnection()) {
      c.start();
      Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
      Message m = s.createConsumer(s.createQueue("orders")).receive(5000);

      assertThat(m).isInstanceOf(TextMessage.class);
      assertThat(((TextMessage) m).getText()).isEqualTo("{\"id\":\"evt-42\"}");
      assertThat(m.getStringProperty("model")).isEqualTo("sale.order");
      assertThat(m.getStringProperty("event")).isEqualTo("updated");
      assertThat(m.getStringProperty("priority")).isEqualTo("high");
      assertThat(m.getStringProperty("event_id")).isEqualTo("evt-42");
      assertThat(m.getObjectProperty("attempt")).isEqualTo(3);
      assertThat(m.getJMSCorrelationID()).isEqualTo("evt-42");
      assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
      assertThat(m.getJMSPriority()).isEqualTo(7);
    }
  }

  @Test
  void publishesToATopicSubscriber() throws Exception {
    try (Connection c = factory.createConnection()) {
      c.start();
      Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
      MessageConsumer subscriber = s.createConsumer(s.createTopic("orders.events"));

      cut.publish(JmsDestination.parse("topic:orders.events"), "{\"n\":1}",
          Map.of("model", "crm.lead", "event", "created", "priority", "low",
              "event_id", "evt-7"), 5);

      TextMessage m = (TextMessage) subscriber.receive(5000);
      assertThat(m).isNotNull();
      assertThat(m.getText()).isEqualTo("{\"n\":1}");
      assertThat(m.getStringProperty("model")).isEqualTo("crm.lead");
      assertThat(m.getStringProperty("event")).isEqualTo("created");
      assertThat(m.getStringProperty("priority")).isEqualTo("low");
      assertThat(m.getStringProperty("event_id")).isEqualTo("evt-7");
      assertThat(m.getJMSCorrelationID()).isEqualTo("evt-7");
      assertThat(m.getJMSPriority()).isEqualTo(1);
    }
  }

  @Test
  void concurrentPublishersShareOneConnection() throws Exception {
    int before = broker.getActiveMQServer().getConnectionCount();
    JmsDestination dest = JmsDestination.parse("queue:shared");
    int threads = 8;
    int perThread = 250;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long t0 = System.nanoTime();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            cut.publish(dest, "{}", Map.of("event_id", "e" + i), 5);
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("[test] %d JMS publishes on %d threads in %.2f s (%.0f/s)%n",
        threads * perThread, threads, seconds, threads * perThread / seconds);

    assertThat(broker.getActiveMQServer().getConnectionCount()).isEqualTo(before + 1);
    assertThat(count("shared")).isEqualTo(threads * perThread);
  }

  @Test
  void aBadPropertyFailsThatMessageOnly() throws Exception {
    JmsDestination dest = JmsDestination.parse("queue:format");

    assertThatThrownBy(() -> cut.publish(dest, "{}", Map.of("attempt", "two"), 5))
        .isInstanceOf(MessageFormatException.class)
        .hasMessageContaining("attempt");
    cut.publish(dest, "{}", Map.of("attempt", "2"), 5);

    assertThat(count("format")).isEqualTo(1);
  }

  @Test
  void refusesAnArtemisFactoryThatWouldNotWaitForTheBroker() {
    assertThatThrownBy(() -> new JmsPublisher(factory))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("confirmationWindowSize");
  }

  @Test
  void withoutConfigurationPublishingFailsClearly() {
    JmsPublisher unconfigured = new JmsPublisher();

    assertThatThrownBy(() -> unconfigured.publish(JmsDestination.parse("queue:orders"), "{}",
        PROPERTIES, 5))
        .isInstanceOf(jakarta.jms.IllegalStateException.class)
        .hasMessageStartingWith("JMS is not configured: set AUTOWEBHOOK_JMS_BROKER_URL");
  }

  @Test
  void connectsToTheConfiguredBrokerUrl() throws Exception {
    JmsPublisher configured = new JmsPublisher();
    configured.brokerUrl = url;
    configured.user = " ";
    configured.password = " ";
    try {
      configured.publish(JmsDestination.parse("queue:configured"), "{}", PROPERTIES, 5);
    } finally {
      configured.close();
    }

    assertThat(count("configured")).isEqualTo(1);
  }

  @Test
  void aStoppedBrokerFailsFastAndARestartedOneIsUsedAgain() throws Exception {
    int port = freePort();
    EmbeddedActiveMQ outage = broker(port, dir.resolve("outage"));
    JmsPublisher configured = new JmsPublisher();
    configured.brokerUrl = "tcp://127.0.0.1:" + port;
    JmsDestination dest = JmsDestination.parse("queue:outage");
    try {
      configured.publish(dest, "{}", PROPERTIES, 2);
      outage.stop();

      for (int i = 0; i < 2; i++) { // refused reconnects fail fast, not after the timeout
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> configured.publish(dest, "{}", PROPERTIES, 5))
            .isInstanceOf(JMSException.class);
        assertThat(millisSince(t0)).isLessThan(2_000);
      }

      outage.start();
      configured.publish(dest, "{}", PROPERTIES, 5);
    } finally {
      configured.close();
      outage.stop();
    }
  }

  @Test
  void aBrokerThatNeverAnswersFailsWithinTheCallTimeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      JmsPublisher configured = new JmsPublisher();
      configured.brokerUrl = "tcp://127.0.0.1:" + silent.getLocalPort() + "?callTimeout=1000";
      try {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> configured.publish(JmsDestination.parse("queue:silent"), "{}",
            PROPERTIES, 1))
            .isInstanceOf(JMSException.class);
        assertThat(millisSince(t0)).isLessThan(4_000);
      } finally {
        configured.close();
      }
    }
  }

  @Test
  void aBrokerThatStopsAnsweringFailsTheSendWithinItsTimeout() throws Exception {
    try (Proxy proxy = new Proxy(broker.getActiveMQServer().getConfiguration()
        .getAcceptorConfigurations().iterator().next().getParams().get("port"))) {
      JmsPublisher configured = new JmsPublisher();
      configured.brokerUrl = "tcp://127.0.0.1:" + proxy.port() + "?callTimeout=1000";
      JmsDestination dest = JmsDestination.parse("queue:hung");
      try {
        configured.publish(dest, "{}", PROPERTIES, 5);
        proxy.frozen = true;

        long t0 = System.nanoTime();
        assertThatThrownBy(() -> configured.publish(dest, "{}", PROPERTIES, 1))
            .isInstanceOf(JMSException.class)
            .hasMessageContaining("did not confirm the message to queue:hung within 1 s");
        assertThat(millisSince(t0)).isBetween(900L, 2_000L);

        proxy.frozen = false;
        configured.publish(dest, "{}", PROPERTIES, 5);
      } finally {
        configured.close();
      }
    }
    assertThat(count("hung")).isBetween(2, 3); // the held message may still arrive
  }

  @Test
  void aClosedPublisherRefuses() {
    cut.close();

    assertThatThrownBy(() -> cut.publish(JmsDestination.parse("queue:orders"), "{}", PROPERTIES,
        1))
        .isInstanceOf(jakarta.jms.IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void mapsPriorities() {
    assertThat(JmsPublisher.priority("high")).isEqualTo(7);
    assertThat(JmsPublisher.priority("medium")).isEqualTo(Message.DEFAULT_PRIORITY);
    assertThat(JmsPublisher.priority("LOW")).isEqualTo(1);
    assertThat(JmsPublisher.priority(null)).isEqualTo(Message.DEFAULT_PRIORITY);
  }

  @Test
  void masksPasswordsInBrokerUrls() {
    assertThat(JmsPublisher.masked("tcp://h:61616?user=a&password=s3cret&callTimeout=5"))
        .isEqualTo("tcp://h:61616?user=a&password=****&callTimeout=5");
  }

  private static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static int count(String queue) throws JMSException {
    int n = 0;
    try (Connection c = factory.createConnection()) {
      c.start();
      Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
      MessageConsumer consumer = s.createConsumer(s.createQueue(queue));
      while (consumer.receive(500) != null) {
        n++;
      }
    }
    return n;
  }

  private static EmbeddedActiveMQ broker(int port, Path data) throws Exception {
    ConfigurationImpl config = new ConfigurationImpl();
    config.setPersistenceEnabled(false);
    config.setSecurityEnabled(false);
    config.setJMXManagementEnabled(false);
    config.setBrokerInstance(data.toFile());
    config.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
    config.addAddressSetting("#", new AddressSettings() // also stops a warning per new queue
        .setDeadLetterAddress(SimpleString.of("DLQ"))
        .setExpiryAddress(SimpleString.of("ExpiryQueue")));
    EmbeddedActiveMQ server = new EmbeddedActiveMQ();
    server.setConfiguration(config);
    server.start();
    return server;
  }

  /** A loopback TCP relay that, while frozen, holds every byte: a broker that stopped answering. */
  static final class Proxy implements AutoCloseable {
    private final ServerSocket server;
    private final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "test-proxy");
      t.setDaemon(true);
      return t;
    });
    volatile boolean frozen;

    Proxy(Object targetPort) throws IOException {
      int target = Integer.parseInt(String.valueOf(targetPort));
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      pumps.execute(() -> {
        while (!server.isClosed()) {
          try {
            Socket in = server.accept();
            Socket out = new Socket(InetAddress.getLoopbackAddress(), target);
            pumps.execute(() -> pump(in, out));
            pumps.execute(() -> pump(out, in));
          } catch (IOException e) {
            return;
          }
        }
      });
    }

    int port() {
      return server.getLocalPort();
    }

    private void pump(Socket from, Socket to) {
      byte[] buf = new byte[8192];
      try (from; to) {
        int n;
        while ((n = from.getInputStream().read(buf)) >= 0) {
          while (frozen) {
            Thread.sleep(10);
          }
          to.getOutputStream().write(buf, 0, n);
        }
      } catch (IOException | InterruptedException e) {
        // the other side closed, or the proxy did
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
      pumps.shutdownNow();
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
