package dev.autowebhook.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.delivery.entity.AttemptTrigger;
import dev.autowebhook.delivery.entity.DeliveryStatus;
import dev.autowebhook.messaging.control.JmsDestination;
import dev.autowebhook.messaging.control.JmsPublisher;
import dev.autowebhook.subscription.entity.SubscriberKind;
import jakarta.jms.JMSException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JmsSenderTest {

  /** A publisher that records what it was asked to send, or fails as told. */
  static final class Recording extends JmsPublisher {
    final List<Object[]> published = new ArrayList<>();
    JMSException failure;

    @Override
    public void publish(JmsDestination dest, String body, Map<String, String> properties,
        int timeoutSeconds) throws JMSException {
      if (failure != null) {
        throw failure;
      }
      published.add(new Object[] {dest, body, properties, timeoutSeconds});
    }
  }

  final Recording publisher = new Recording();
  final JmsSender cut = new JmsSender(publisher, Runnable::run, new RetrySchedule(1, 0));

  static Outgoing to(String destination) {
    Target t = new Target(3L, "erp", SubscriberKind.JMS, null, destination, 4, true, Map.of(),
        List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), 2, 1, 0, 1);
    return Outgoing.single(9L, "evt_9", "sale.order", "update", "high", 1,
        AttemptTrigger.AUTOMATIC, t, "{\"id\":\"evt_9\"}".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void publishesTheBodyWithItsPropertiesToTheDestination() {
    AttemptResult r = cut.send(to("topic:orders.events")).join();

    assertThat(r.outcome()).isEqualTo(DeliveryStatus.SENT);
    Object[] p = publisher.published.get(0);
    assertThat(p[0]).hasToString("topic:orders.events");
    assertThat(p[1]).isEqualTo("{\"id\":\"evt_9\"}");
    @SuppressWarnings("unchecked")
    Map<String, String> props = (Map<String, String>) p[2];
    assertThat(props).containsEntry("model", "sale.order")
        .containsEntry("event", "update").containsEntry("priority", "high")
        .containsEntry("event_id", "evt_9").containsEntry("attempt", "1");
    assertThat(p[3]).isEqualTo(4);
    assertThat(r.maskedHeaders()).contains("\"event_id\":\"evt_9\"");
  }

  @Test
  void aBrokerFailureIsAFailedAttemptWithRetry() {
    publisher.failure = new JMSException("did not confirm within 4 s");

    AttemptResult r = cut.send(to("queue:orders")).join();

    assertThat(r.outcome()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(r.errorClass()).isEqualTo("JmsError");
    assertThat(r.nextAttemptAt()).isNotNull();
  }

  @Test
  void notConfiguredAndBadDestinationsAreNamed() {
    publisher.failure = new JMSException("JMS is not configured: set AUTOWEBHOOK_JMS_BROKER_URL");
    assertThat(cut.send(to("queue:orders")).join().errorClass()).isEqualTo("JmsNotConfigured");

    publisher.failure = null;
    AttemptResult bad = cut.send(to("orders")).join();
    assertThat(bad.errorClass()).isEqualTo("InvalidDestination");
    assertThat(publisher.published).isEmpty();
  }

  @Test
  void aBatchCarriesItsSize() {
    Outgoing batch = Outgoing.batch(List.of(to("queue:o"), to("queue:o")));
    assertThat(JmsSender.properties(batch)).containsEntry("event", "batch")
        .containsEntry("batch_size", "2").containsEntry("event_id", batch.eventUid());
  }
}
