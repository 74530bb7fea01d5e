package dev.autowebhook.api.delivery;

import dev.autowebhook.api.Params;
import dev.autowebhook.api.Roles;
import dev.autowebhook.delivery.boundary.Deliveries;
import dev.autowebhook.delivery.entity.DeliveryStatus;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.records.boundary.Models;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admin API over deliveries (one item per change × subscriber): filtered lists, detail with
 * payload, attempts, Retry Now, bulk retry and move-to-dead-letter.
 */
@RequestScoped
@Path("admin/events")
@Tag(name = "Events and deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.VIEWER})
public class EventsResource {

  /** Paged list answer. */
  public record PageOut(List<DeliveryOut> items, long total, int offset, int limit) {}

  /** Body of a bulk retry. */
  public record IdsIn(List<Long> ids) {}

  @Inject Deliveries deliveries;
  @Inject Models models;

  @GET
  @Operation(summary = "List deliveries, newest first; all filters combine")
  public PageOut list(@QueryParam("status") String status, @QueryParam("model") String model,
      @QueryParam("subscriber_id") String subscriberId, @QueryParam("since") String since,
      @QueryParam("until") String until, @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    if (model != null && !model.isBlank()) {
      models.require("model", model.trim());
    }
    Deliveries.Page page = deliveries.list(new Deliveries.Filter(
            Params.enumParam("status", status, DeliveryStatus.class),
            model == null || model.isBlank() ? null : model.trim(),
            Params.longParam("subscriber_id", subscriberId), Params.time("since", since),
            Params.time("until", until)),
        Params.intParam("offset", offset, 0), Params.intParam("limit", limit, 50));
    return new PageOut(page.items().stream().map(DeliveryOut::of).toList(), page.total(),
        page.offset(), page.limit());
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One delivery with its payload")
  public DeliveryOut get(@PathParam("id") long id) {
    return DeliveryOut.of(deliveries.get(id), true);
  }

  @GET
  @Path("{id}/attempts")
  @Operation(summary = "Every attempt of the delivery, oldest first")
  public List<AttemptOut> attempts(@PathParam("id") long id) {
    return deliveries.attempts(id).stream().map(AttemptOut::of).toList();
  }

  @POST
  @Path("{id}/retry")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Retry Now: one more attempt right away (trigger manual)")
  public DeliveryOut retry(@PathParam("id") long id) {
    return DeliveryOut.of(deliveries.retry(id));
  }

  @POST
  @Path("retry")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Bulk retry of the given delivery ids: all or none")
  public List<DeliveryOut> retryAll(IdsIn in) {
    if (in == null || in.ids() == null) {
      throw new InvalidInputException("ids", "is required");
    }
    return deliveries.retryAll(in.ids()).stream().map(DeliveryOut::of).toList();
  }

  @POST
  @Path("{id}/dead")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Move a pending or failed delivery to the dead-letter queue")
  public DeliveryOut dead(@PathParam("id") long id) {
    return DeliveryOut.of(deliveries.bury(id));
  }
}
