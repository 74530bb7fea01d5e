package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Broker;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Poll;
import dev.autowebhook.it.support.Postgres;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JMS channel on a server of its own wired to a real Artemis broker: each event arrives as a
 * JSON text message with its properties on a queue or a topic, read by a standard Jakarta JMS
 * consumer, and a broker outage is retried and audited like an HTTP failure.
 */
class JmsIT {

  static final Duration WAIT = Duration.ofSeconds(30);
  static Broker broker;
  static AppServer server;
  Api api;
  Fixtures fx;

  @BeforeAll
  static void start() {
    broker = Broker.start();
    Postgres pg = Postgres.instance();
    server = AppServer.builder("jms")
        .database(pg.createDatabase("jms"), pg.user(), pg.password())
        .env("AUTOWEBHOOK_JMS_BROKER_URL", broker.url()).build().start();
  }

  @AfterAll
  static void stop() {
    server.stop();
    broker.close();
  }

  @BeforeEach
  void setUp() {
    api = server.admin();
    fx = new Fixtures(api);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  long jmsSubscriber(String destination, int maxRetries) {
    JsonObject created = api.post("/api/v1/admin/subscribers", Json.obj()
        .add("name", Fixtures.unique("jms")).add("kind", "jms")
        .add("jms_destination", destination).add("timeout_seconds", 2)
        .add("max_retries", maxRetries).build()).expect(201).json();
    long id = created.getJsonNumber("id").longValue();
    fx.cleanup(() -> api.delete("/api/v1/admin/subscribers/" + id));
    fx.attach("res.partner", id);
    return id;
  }

  @Test
  void eventsArriveOnAQueueAndATopicWithTheirProperties() throws JMSException {
    String queue = Fixtures.unique("orders").replace('-', '.');
    String topic = Fixtures.unique("events").replace('-', '.');
    jmsSubscriber("queue:" + queue, 3);
    long topicSub = jmsSubscriber("topic:" + topic, 3);
    try (Broker.TopicSubscription subscription = broker.subscribe(topic)) {
      String name = Fixtures.unique("Jms Partner");
      long partner = fx.partner(name);

      TextMessage m = broker.receive(queue, 1, WAIT).get(0);
      JsonObject body = Json.parse(m.getText());
      assertThat(body.getString("model")).isEqualTo("res.partner");
      assertThat(body.getJsonNumber("record_id").longValue()).isEqualTo(partner);
      assertThat(body.getJsonObject("data").getString("name")).isEqualTo(name);
      assertThat(m.getStringProperty("model")).isEqualTo("res.partner");
      assertThat(m.getStringProperty("event")).isEqualTo("create");
      assertThat(m.getStringProperty("priority")).isEqualTo("medium");
      assertThat(m.getStringProperty("event_id")).isEqualTo(body.getString("id"));

      TextMessage t = subscription.receive(1, WAIT).get(0);
      assertThat(t.getStringProperty("event_id")).isEqualTo(body.getString("id"));
    }
    JsonObject sent = fx.awaitDelivery(topicSub, "sent", WAIT);
    JsonObject attempt = fx.attempts(sent.getJsonNumber("id").longValue()).get(0);
    assertThat(attempt.getString("url")).isEqualTo("jms:topic:" + topic);
    assertThat(attempt.getString("outcome")).isEqualTo("sent");

    JsonObject test = api.post("/api/v1/admin/subscribers/" + topicSub + "/test", "")
        .expect(200).json();
    assertThat(test.getBoolean("success")).isTrue();
    assertThat(test.getString("diagnosis")).contains("broker accepted");
  }

  @Test
  void aBrokerOutageIsRetriedThenDeliveredAndEveryAttemptIsAudited() throws JMSException {
    String queue = Fixtures.unique("outage").replace('-', '.');
    long sub = jmsSubscriber("queue:" + queue, 10);
    broker.stop();
    try {
      fx.partner(Fixtures.unique("During outage"));
      JsonObject failed = Poll.until(WAIT, "a failed JMS attempt", () -> fx.deliveries(sub),
          l -> !l.isEmpty() && l.get(0).getInt("attempts") >= 2).get(0);
      assertThat(failed.getString("status")).isIn("failed", "processing", "pending");
      assertThat(failed.getString("last_error")).startsWith("JmsError");
    } finally {
      broker.restart();
    }
    List<TextMessage> got = broker.receive(queue, 1, WAIT);
    assertThat(got).hasSize(1);
    JsonObject sent = fx.awaitDelivery(sub, "sent", WAIT);
    List<JsonObject> attempts = fx.attempts(sent.getJsonNumber("id").longValue());
    assertThat(attempts).extracting(a -> a.getString("outcome")).contains("failed")
        .endsWith("sent");
  }

  @Test
  void aJmsSubscriberNeedsAValidDestination() {
    for (String bad : List.of("", "orders", "queue:", "queue:bad name", "fifo:orders")) {
      JsonObject p = ValidationIT.problem(api.post("/api/v1/admin/subscribers", Json.obj()
          .add("name", Fixtures.unique("jms")).add("kind", "jms").add("jms_destination", bad)
          .build()), 400);
      assertThat(ValidationIT.fields(p)).contains("jms_destination");
    }
  }
}
