package dev.autowebhook.delivery.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.delivery.control.AttemptResult;
import dev.autowebhook.delivery.control.Outgoing;
import dev.autowebhook.delivery.control.RetrySchedule;
import dev.autowebhook.delivery.control.Target;
import dev.autowebhook.delivery.entity.AttemptTrigger;
import dev.autowebhook.platform.Time;
import dev.autowebhook.subscription.entity.SubscriberKind;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryMetersTest {

  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final DeliveryMeters cut = new DeliveryMeters(registry);

  static Target target(long subscriber, int maxRetries) {
    return new Target(subscriber, "secret-name", SubscriberKind.HTTP,
        "https://user:pw@hooks.example.com/in?token=t0k3n", null, 5, true,
        Map.of("Authorization", "Bearer abc"), List.of("whsec_c2VjcmV0"), maxRetries, 1, 0, 1);
  }

  static Outgoing delivery(long id, Target t) {
    return Outgoing.single(id, "evt_" + id, "sale.order", "create", "high", 1,
        AttemptTrigger.AUTOMATIC, t, "{}".getBytes(StandardCharsets.UTF_8));
  }

  static AttemptResult failed(Outgoing o) {
    return AttemptResult.failed(o, new RetrySchedule(1, 0), Time.now(), 40, 500, "", null, null,
        "{}", null);
  }

  @Test
  void countsOutcomesPerSubscriberAndChannelWithLatencyBuckets() {
    Outgoing a = delivery(1, target(7, 5));
    Outgoing dead = delivery(2, target(8, 0));

    cut.count(List.of(AttemptResult.sent(a, Time.now(), 7, 200, "", "{}"), failed(a),
        failed(dead)));
    cut.count(List.of(AttemptResult.sent(a, Time.now(), 3000, 200, "", "{}")));
    String text = registry.scrape();

    assertThat(text)
        .contains("autowebhook_deliveries_total{channel=\"http\",outcome=\"sent\",subscriber=\"7\"} 2.0")
        .contains("autowebhook_deliveries_total{channel=\"http\",outcome=\"failed\",subscriber=\"7\"} 1.0")
        .contains("autowebhook_deliveries_total{channel=\"http\",outcome=\"dead\",subscriber=\"8\"} 1.0")
        .contains("autowebhook_delivery_attempt_seconds_bucket{channel=\"http\",subscriber=\"7\",le=\"0.01\"} 1")
        .contains("autowebhook_delivery_attempt_seconds_bucket{channel=\"http\",subscriber=\"7\",le=\"2.5\"} 2")
        .contains("autowebhook_delivery_attempt_seconds_bucket{channel=\"http\",subscriber=\"7\",le=\"5.0\"} 3")
        .contains("autowebhook_delivery_attempt_seconds_count{channel=\"http\",subscriber=\"7\"} 3");
    assertThat(text).doesNotContain("hooks.example.com").doesNotContain("secret-name")
        .doesNotContain("whsec_").doesNotContain("t0k3n");
  }

  @Test
  void backlogGaugesFollowTheLatestQueryAndFallToZero() {
    Instant now = Instant.parse("2026-11-29T10:00:00Z");
    cut.apply(List.of(new DeliveryStats.Backlog(7, true, 12, 3, now.minusSeconds(90)),
        new DeliveryStats.Backlog(8, false, 1, 0, null)), now);

    assertThat(registry.scrape())
        .contains("autowebhook_backlog_deliveries{subscriber=\"7\"} 12.0")
        .contains("autowebhook_backlog_oldest_age_seconds{subscriber=\"7\"} 90.0")
        .contains("autowebhook_backlog_deliveries{subscriber=\"8\"} 1.0")
        .contains("autowebhook_backlog_oldest_age_seconds{subscriber=\"8\"} 0.0");

    cut.apply(List.of(new DeliveryStats.Backlog(8, true, 2, 2, now.minusSeconds(5))), now);

    assertThat(registry.scrape())
        .contains("autowebhook_backlog_deliveries{subscriber=\"7\"} 0.0")
        .contains("autowebhook_backlog_oldest_age_seconds{subscriber=\"7\"} 0.0")
        .contains("autowebhook_backlog_deliveries{subscriber=\"8\"} 2.0")
        .contains("autowebhook_backlog_oldest_age_seconds{subscriber=\"8\"} 5.0");
  }
}
