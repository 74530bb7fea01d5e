package dev.autowebhook.health.boundary;

import dev.autowebhook.delivery.boundary.DeliveryDispatcher;
import dev.autowebhook.health.control.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Up when this node's dispatcher is started and turning, or switched off on purpose. */
@Readiness
@ApplicationScoped
public class DispatcherReadiness implements HealthCheck {

  @Inject DeliveryDispatcher dispatcher;

  @Inject
  @ConfigProperty(name = "autowebhook.health.max-heartbeat-age-seconds", defaultValue = "60")
  long maxHeartbeatAgeSeconds;

  @Override
  public HealthCheckResponse call() {
    return Responses.of("dispatcher",
        Verdict.dispatching(dispatcher.pulse(), maxHeartbeatAgeSeconds * 1000));
  }
}
