package dev.autowebhook.smoke;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The EAR on WildFly (standalone-full.xml) through server-config/wildfly/. The JMS consumer is an
 * outside Artemis client over WildFly's HTTP port (HTTP upgrade), as the application user that
 * configure.sh adds; outside clients name the topic {@code jms.topic.<name>}.
 */
class WildFlyIT extends ServerSmokeTest {

  static final String JMS_USER = "smoke-consumer";
  static final String JMS_PASSWORD = "smoke-consumer-1";
  static final String VERSION = System.getProperty("wildfly.version", "39.0.1.Final");

  private final int offset = freeOffset();

  @Override
  String server() {
    return "wildfly";
  }

  @Override
  Map<String, String> serverEnv() {
    return Map.of(
        "WILDFLY_BASE", SMOKE_DIR.resolve("wildfly").toString(),
        "WILDFLY_VERSION", VERSION,
        "WILDFLY_PORT_OFFSET", Integer.toString(offset),
        "ECLIPSELINK_VERSION", System.getProperty("eclipselink.version", "4.0.8"),
        "ECLIPSELINK_ASM_VERSION", System.getProperty("eclipselink.asm.version", "9.8.0"),
        "WILDFLY_JMS_CLIENT_USER", JMS_USER,
        "WILDFLY_JMS_CLIENT_PASSWORD", JMS_PASSWORD,
        "JAVA_OPTS", "-Xms64m -Xmx768m -XX:+UseSerialGC -Djava.net.preferIPv4Stack=true"
            + " -Djava.io.tmpdir=" + SMOKE_DIR.resolve("wildfly-run/tmp"));
  }

  @Override
  int httpPort() {
    return 8080 + offset;
  }

  /**
   * None: WildFly does not register MicroProfile Health checks of an EAR's subdeployments
   * (WFLY-12835), only its own server and deployment checks.
   */
  @Override
  List<String> appReadinessChecks() {
    return List.of();
  }

  @Override
  String healthUrl() {
    return "http://127.0.0.1:" + (9990 + offset) + "/health/ready"; // the management interface
  }

  @Override
  Path serverLog() {
    return SMOKE_DIR.resolve("wildfly/wildfly-" + VERSION + "/standalone/log/server.log");
  }

  @Override
  TopicConsumer subscribe(String topic) {
    ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(
        "tcp://127.0.0.1:" + httpPort() + "?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor",
        JMS_USER, JMS_PASSWORD);
    JMSContext context = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
    JMSConsumer consumer = context.createConsumer(context.createTopic("jms.topic." + topic));
    return consumer(topic, consumer::receive, () -> {
      context.close();
      factory.close();
    });
  }

  /** A port offset whose HTTP, management, HTTPS and IIOP ports are free. */
  private static int freeOffset() {
    for (int offset = 10_000; offset < 30_000; offset += 1_000) {
      if (free(8080 + offset, 9990 + offset, 8443 + offset, 9993 + offset, 3528 + offset,
          3529 + offset, 4712 + offset, 4713 + offset)) {
        return offset;
      }
    }
    throw new IllegalStateException("No free port offset for WildFly");
  }
}
