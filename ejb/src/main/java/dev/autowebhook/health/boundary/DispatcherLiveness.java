package dev.autowebhook.health.boundary;

import dev.autowebhook.delivery.boundary.DeliveryDispatcher;
import dev.autowebhook.health.control.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Down when the delivery loop is wedged: enabled, yet its pump has not looked for work for longer
 * than {@code autowebhook.health.max-heartbeat-age-seconds} (it does every 5 s at least), e.g.
 * because its threads hang. A restart is the cure; a database outage does not make it down.
 */
@Liveness
@ApplicationScoped
public class DispatcherLiveness implements HealthCheck {

  @Inject DeliveryDispatcher dispatcher;

  @Inject
  @ConfigProperty(name = "autowebhook.health.max-heartbeat-age-seconds", defaultValue = "60")
  long maxHeartbeatAgeSeconds;

  @Override
  public HealthCheckResponse call() {
    return Responses.of("dispatcher-alive",
        Verdict.alive(dispatcher.pulse(), maxHeartbeatAgeSeconds * 1000));
  }
}
