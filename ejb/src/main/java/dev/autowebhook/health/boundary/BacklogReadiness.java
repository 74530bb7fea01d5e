package dev.autowebhook.health.boundary;

import dev.autowebhook.delivery.boundary.DeliveryStats;
import dev.autowebhook.health.control.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Down when a due delivery (pending or failed, its next attempt time passed) of an enabled
 * subscriber has waited longer than {@code autowebhook.health.max-backlog-age-seconds}: the
 * nodes do not keep up, or cannot send. Data: the oldest age, the due count and the subscriber.
 */
@Readiness
@ApplicationScoped
public class BacklogReadiness implements HealthCheck {

  @Inject DeliveryStats stats;

  @Inject
  @ConfigProperty(name = "autowebhook.health.max-backlog-age-seconds", defaultValue = "300")
  long maxBacklogAgeSeconds;

  @Override
  public HealthCheckResponse call() {
    Instant now = Instant.now();
    try {
      return Responses.of("delivery-backlog",
          Verdict.backlog(stats.backlogs(now), now, maxBacklogAgeSeconds));
    } catch (RuntimeException e) {
      return Responses.of("delivery-backlog", new Verdict(false,
          Map.of("error", e.getClass().getSimpleName())));
    }
  }
}
