package dev.autowebhook.api.delivery;

import dev.autowebhook.api.Roles;
import dev.autowebhook.delivery.boundary.Deliveries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Delivery statistics: counts by status and the success rate of finished deliveries. */
@RequestScoped
@Path("admin/stats")
@Tag(name = "Events and deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.VIEWER})
public class StatsResource {

  /** Answer of the stats endpoint. */
  public record StatsOut(Map<String, Long> byStatus, long total, Double successRate) {}

  @Inject Deliveries deliveries;

  @GET
  @Operation(operationId = "getStats",
      summary = "Delivery counts by status and the success rate (sent / (sent + dead))")
  public StatsOut stats() {
    Map<String, Long> counts = deliveries.countsByStatus();
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    long sent = counts.getOrDefault("sent", 0L);
    long dead = counts.getOrDefault("dead", 0L);
    return new StatsOut(counts, total, sent + dead == 0 ? null : (double) sent / (sent + dead));
  }
}
