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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
  @Operation(operationId = "listEvents",
      summary = "List deliveries (one per change and subscriber), newest first; all filters"
          + " combine")
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
  @Operation(operationId = "getEvent", summary = "One delivery with its payload")
  @APIResponse(responseCode = "200", description = "The delivery and the body it sends",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(ref = "DeliveryOut"),
          examples = @ExampleObject(name = "sent", value = DELIVERY)))
  public DeliveryOut get(@PathParam("id") long id) {
    return DeliveryOut.of(deliveries.get(id), true);
  }

  @GET
  @Path("{id}/attempts")
  @Operation(operationId = "listEventAttempts",
      summary = "Every attempt of the delivery, oldest first")
  @APIResponse(responseCode = "200", description = "The attempts (headers with secrets masked)",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(type = SchemaType.ARRAY, implementation = AttemptOut.class),
          examples = @ExampleObject(name = "failedThenSent", value = ATTEMPTS)))
  public List<AttemptOut> attempts(@PathParam("id") long id) {
    return deliveries.attempts(id).stream().map(AttemptOut::of).toList();
  }

  @POST
  @Path("{id}/retry")
  @RolesAllowed(Roles.ADMIN)
  @Operation(operationId = "retryEvent",
      summary = "Retry Now: one more attempt right away (trigger manual)")
  @APIResponse(responseCode = "200", description = "Queued for an attempt now",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(ref = "DeliveryOut")))
  @APIResponse(responseCode = "409", description = "The delivery is pending or being sent (only"
      + " failed, dead or sent deliveries can be retried)")
  public DeliveryOut retry(@PathParam("id") long id) {
    return DeliveryOut.of(deliveries.retry(id));
  }

  @POST
  @Path("retry")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(operationId = "retryEvents", summary = "Bulk retry of the given delivery ids:"
      + " all or none")
  @APIResponse(responseCode = "200", description = "All queued for an attempt now",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryOut.class)))
  @APIResponse(responseCode = "404", description = "One of the ids does not exist; none was"
      + " retried")
  @APIResponse(responseCode = "409", description = "One of the deliveries is pending or being"
      + " sent; none was retried")
  public List<DeliveryOut> retryAll(@RequestBody(required = true,
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(ref = "IdsIn"))) IdsIn in) {
    if (in == null || in.ids() == null) {
      throw new InvalidInputException("ids", "is required");
    }
    return deliveries.retryAll(in.ids()).stream().map(DeliveryOut::of).toList();
  }

  @POST
  @Path("{id}/dead")
  @RolesAllowed(Roles.ADMIN)
  @Operation(operationId = "moveEventToDeadLetter",
      summary = "Move a pending or failed delivery to the dead-letter queue")
  @APIResponse(responseCode = "200", description = "Now dead",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(ref = "DeliveryOut")))
  @APIResponse(responseCode = "409", description = "Only a pending or failed delivery can be"
      + " moved to the dead-letter queue")
  public DeliveryOut dead(@PathParam("id") long id) {
    return DeliveryOut.of(deliveries.bury(id));
  }

  // OpenAPI examples

  static final String DELIVERY = """
      {"id": 55, "event_id": "evt_8cdb3eec275f4530a9fbba8293e3920a", "model": "sale.order",
       "record_id": "2", "event": "update", "subscriber_id": 3, "status": "sent",
       "priority": "high", "attempts": 2, "next_attempt_at": "2026-11-28T12:24:43.951Z",
       "last_status_code": 200, "last_error": null, "sent_at": "2026-11-28T12:24:44.025615Z",
       "created_at": "2026-11-28T12:23:42.951061Z", "updated_at": "2026-11-28T12:24:44.025615Z",
       "payload": {"id": "evt_8cdb3eec275f4530a9fbba8293e3920a", "model": "sale.order",
         "record_id": 2, "event": "update", "timestamp": "2026-11-28T12:23:42.951Z",
         "priority": "high", "category": "sales",
         "data": {"id": 2, "name": "SO0042", "partner_id": 1, "state": "sale",
           "currency": "EUR", "amount_untaxed": 200.00, "amount_tax": 40.00,
           "amount_total": 240.00},
         "changes": {"state": {"old": "draft", "new": "sale"}}}}""";

  static final String ATTEMPTS = """
      [{"id": 2, "attempt_no": 1, "trigger": "automatic", "outcome": "failed",
        "started_at": "2026-11-28T12:23:42.980785Z", "duration_ms": 10003,
        "url": "https://erp.example.com/hooks/autowebhook",
        "request_headers": {"Content-Type": "application/json",
          "Authorization": "****", "webhook-id": "evt_8cdb3eec275f4530a9fbba8293e3920a",
          "webhook-timestamp": "1795868622",
          "webhook-signature": "v1,3bqLVFQ3at3F5Hkc0kMM4N1fZ2E/8MNalCewQnhM5vU="},
        "status_code": null, "response_excerpt": null,
        "error_class": "java.net.http.HttpTimeoutException",
        "error_message": "request timed out", "node": "node-1", "batch_id": null},
       {"id": 9, "attempt_no": 2, "trigger": "automatic", "outcome": "sent",
        "started_at": "2026-11-28T12:24:43.990Z", "duration_ms": 42,
        "url": "https://erp.example.com/hooks/autowebhook",
        "request_headers": {"Content-Type": "application/json",
          "Authorization": "****", "webhook-id": "evt_8cdb3eec275f4530a9fbba8293e3920a",
          "webhook-timestamp": "1795868683",
          "webhook-signature": "v1,K1r0c5bqXzjGm3o1cY2yq3nV0dJmF1xS8pW6tH9uA4E="},
        "status_code": 200, "response_excerpt": "{\\"ok\\":true}", "error_class": null,
        "error_message": null, "node": "node-1", "batch_id": null}]""";
}
