package dev.autowebhook.health.boundary;

import dev.autowebhook.health.control.Verdict;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/** A {@link Verdict} as a MicroProfile Health response. */
final class Responses {

  private Responses() {}

  static HealthCheckResponse of(String name, Verdict v) {
    HealthCheckResponseBuilder b = HealthCheckResponse.named(name).status(v.up());
    v.data().forEach((key, value) -> {
      if (value instanceof Boolean flag) {
        b.withData(key, flag);
      } else if (value instanceof Number n) {
        b.withData(key, n.longValue());
      } else {
        b.withData(key, String.valueOf(value));
      }
    });
    return b.build();
  }
}
