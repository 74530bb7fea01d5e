package dev.autowebhook.api.delivery;

import dev.autowebhook.api.Roles;
import dev.autowebhook.api.Params;
import dev.autowebhook.delivery.boundary.DeliveryStats;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Delivery statistics, the figures of the admin dashboard: counts by status and the success rate,
 * attempts and latency over the last hour or day, and each subscriber's health.
 */
@RequestScoped
@Path("admin/stats")
@Tag(name = "Events and deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.VIEWER})
public class StatsResource {

  /** Answer of the stats endpoint. */
  public record StatsOut(Map<String, Long> byStatus, long total, Double successRate) {}

  /** One bucket of a timeline. */
  public record PointOut(Instant start, long sent, long failed, long dead,
      @JsonbProperty("latency_p50_ms") Long latencyP50Ms,
      @JsonbProperty("latency_p95_ms") Long latencyP95Ms, Long latencyAvgMs) {}

  /** Attempts per bucket over a window, oldest bucket first, with the window's totals. */
  public record TimelineOut(String window, int bucketSeconds, long sent, long failed, long dead,
      @JsonbProperty("latency_p50_ms") Long latencyP50Ms,
      @JsonbProperty("latency_p95_ms") Long latencyP95Ms, List<PointOut> points) {}

  /** How a subscriber is doing. */
  public record HealthOut(long subscriberId, String name, boolean enabled, String disabledReason,
      OffsetDateTime disabledAt, OffsetDateTime failingSince, OffsetDateTime lastSuccessAt,
      OffsetDateTime lastFailureAt, String lastFailure, long backlog, long dead) {}

  @Inject DeliveryStats stats;

  @GET
  @Operation(operationId = "getStats",
      summary = "Delivery counts by status and the success rate (sent / (sent + dead))")
  public StatsOut stats() {
    DeliveryStats.Summary s = stats.summary();
    return new StatsOut(s.byStatus(), s.total(), s.successRate());
  }

  @GET
  @Path("timeline")
  @Operation(operationId = "getStatsTimeline", summary = "Attempts (sent, failed to retry, dead)"
      + " and latency percentiles per minute over the last hour, or per 15 minutes over the last"
      + " day, summed over all nodes (figures lag up to 5 s)")
  public TimelineOut timeline(@Parameter(description = "`hour` (default) or `day`")
      @QueryParam("window") String window) {
    DeliveryStats.Window w = Params.enumParam("window", window, DeliveryStats.Window.class);
    DeliveryStats.Timeline t = stats.timeline(w == null ? DeliveryStats.Window.HOUR : w);
    return new TimelineOut(t.window().key(), t.window().bucketSeconds(), t.sent(), t.failed(),
        t.dead(), t.p50Ms(), t.p95Ms(), t.points().stream().map(p -> new PointOut(p.start(),
            p.sent(), p.failed(), p.dead(), p.p50Ms(), p.p95Ms(), p.avgMs())).toList());
  }

  @GET
  @Path("subscribers")
  @Operation(operationId = "getSubscriberHealth", summary = "Each subscriber's health: latest"
      + " success and failure, backlog (pending, being sent or failed), dead letters, and why it"
      + " is disabled")
  public List<HealthOut> health() {
    return stats.health().stream().map(h -> new HealthOut(h.id(), h.name(), h.enabled(),
        h.disabledReason(), h.disabledAt(), h.failingSince(), h.lastSuccessAt(),
        h.lastFailureAt(), h.lastFailure(), h.backlog(), h.dead())).toList();
  }
}
