package dev.autowebhook.smoke;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The EAR on Payara Server through server-config/payara-server/ (a domain of its own with a free
 * port base). The JMS consumer is an outside OpenMQ client on the domain's broker port, loaded
 * from the distribution's {@code mq/lib/imq.jar} (OpenMQ's client is not on Maven Central in a
 * Jakarta version that matches), as user guest.
 */
class PayaraServerIT extends ServerSmokeTest {

  static final Path BASE = SMOKE_DIR.resolve("payara-server");
  private final int portBase = freePortBase();

  @Override
  String server() {
    return "payara-server";
  }

  @Override
  Map<String, String> serverEnv() {
    return Map.of(
        "PAYARA_BASE", BASE.toString(),
        "PAYARA_VERSION", System.getProperty("payara.server.version", "6.2025.9"),
        "PAYARA_PORT_BASE", Integer.toString(portBase));
  }

  /** A new domain every run (the port base may differ): stop a left-over one, delete the old. */
  @Override
  void prepare(Map<String, String> env, Path log) throws Exception {
    run("stop.sh", env, log);
    SmokeDb.deleteTree(BASE.resolve("domains"));
  }

  @Override
  int httpPort() {
    return portBase + 80;
  }

  @Override
  List<String> appReadinessChecks() {
    return List.of("database", "dispatcher", "delivery-backlog");
  }

  @Override
  String healthUrl() {
    return "http://127.0.0.1:" + httpPort() + "/health/ready";
  }

  @Override
  Path serverLog() {
    return BASE.resolve("domains/autowebhook/logs/server.log");
  }

  @Override
  TopicConsumer subscribe(String topic) throws Exception {
    URLClassLoader loader = new URLClassLoader(
        new URL[] {BASE.resolve("payara6/mq/lib/imq.jar").toUri().toURL()},
        PayaraServerIT.class.getClassLoader());
    Class<?> type = Class.forName("com.sun.messaging.ConnectionFactory", true, loader);
    Object factory = type.getConstructor().newInstance();
    type.getMethod("setProperty", String.class, String.class)
        .invoke(factory, "imqAddressList", "mq://127.0.0.1:" + (portBase + 76));
    Connection connection = ((ConnectionFactory) factory).createConnection("guest", "guest");
    Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    MessageConsumer consumer = session.createConsumer(session.createTopic(topic));
    connection.start();
    return consumer(topic, consumer::receive, () -> {
      connection.close();
      loader.close();
    });
  }

  /** A port base whose HTTP, HTTPS, admin, JMS, IIOP and JMX ports are free. */
  private static int freePortBase() {
    for (int base = 20_000; base < 40_000; base += 1_000) {
      if (free(base + 80, base + 81, base + 48, base + 76, base + 37, base + 38, base + 39,
          base + 86, base + 66)) {
        return base;
      }
    }
    throw new IllegalStateException("No free port base for Payara Server");
  }
}
