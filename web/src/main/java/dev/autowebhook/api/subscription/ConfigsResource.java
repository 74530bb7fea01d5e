package dev.autowebhook.api.subscription;

import dev.autowebhook.api.Roles;
import dev.autowebhook.subscription.boundary.WebhookConfigs;
import dev.autowebhook.subscription.entity.WebhookConfig;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin API for webhook configs, one per model key. */
@RequestScoped
@Path("admin/configs")
@Tag(name = "Webhook configs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.VIEWER})
public class ConfigsResource {

  @Inject WebhookConfigs configs;
  @Context UriInfo uri;

  @GET
  @Operation(operationId = "listConfigs", summary = "List the webhook configs, one per model")
  public List<ConfigOut> list() {
    return configs.all().stream().map(this::out).toList();
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getConfig", summary = "Read one webhook config")
  @APIResponse(responseCode = "200", description = "The config",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(ref = "ConfigOut"),
          examples = @ExampleObject(name = "saleOrder", value = CONFIG)))
  public ConfigOut get(@PathParam("id") long id) {
    return out(configs.get(id));
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Operation(operationId = "createConfig", summary = "Create the config of a model")
  @APIResponse(responseCode = "201", description = "Created",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(ref = "ConfigOut")))
  @APIResponse(responseCode = "400", description = "Unknown model, field, event type or subscriber")
  @APIResponse(responseCode = "409", description = "The model already has a config")
  public Response create(@RequestBody(required = true, content = @Content(
      mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ConfigIn"),
      examples = @ExampleObject(name = "hrExpense", summary = "Approved expenses over 500",
          value = CREATE))) ConfigIn in) {
    ConfigIn body = SubscribersResource.body(in);
    WebhookConfig c = configs.create(
        (java.util.function.Consumer<WebhookConfig>) n -> body.applyTo(n, configs::subscribers));
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(c.getId())).build())
        .entity(out(c)).build();
  }

  @PUT
  @Path("{id}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(operationId = "updateConfig",
      summary = "Update; accepts the object exactly as GET returned it")
  @APIResponse(responseCode = "200", description = "Updated",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(ref = "ConfigOut")))
  @APIResponse(responseCode = "400", description = "Unknown model, field, event type or"
      + " subscriber, or an invalid filter rule")
  @APIResponse(responseCode = "409", description = "The model already has a config")
  public ConfigOut update(@PathParam("id") long id, @RequestBody(required = true,
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ConfigIn"),
          examples = @ExampleObject(name = "partial", summary = "Only what changes",
              value = UPDATE))) ConfigIn in) {
    return out(configs.update(id,
        c -> SubscribersResource.body(in).applyTo(c, configs::subscribers)));
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(operationId = "deleteConfig", summary = "Delete a webhook config (its model is"
      + " then captured but not delivered)")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(@PathParam("id") long id) {
    configs.delete(id);
    return Response.noContent().build();
  }

  private ConfigOut out(WebhookConfig c) {
    return ConfigOut.of(c, configs.filterDrops(c.getModel()));
  }

  // OpenAPI examples

  static final String CREATE = """
      {"model": "hr.expense", "enabled": true, "events": ["create", "update"],
       "priority": "medium", "category": "hr", "exclude_fields": ["description"],
       "filter": "state == 'approved' && total_amount > 500", "subscriber_ids": [57],
       "batch_enabled": true, "batch_size": 50, "batch_timeout_seconds": 10}""";

  static final String UPDATE = """
      {"priority": "high", "subscriber_ids": [3, 57], "template_id": 59,
       "filter": "state == 'sale' && amount_total > 1000"}""";

  static final String CONFIG = """
      {"id": 5, "model": "sale.order", "enabled": true, "events": ["create", "update", "delete"],
       "priority": "high", "category": "sales", "include_fields": [], "exclude_fields": ["note"],
       "filter": "state == 'sale' && amount_total > 1000", "subscriber_ids": [3, 57],
       "template_id": 59, "batch_enabled": false, "batch_size": 100,
       "batch_timeout_seconds": 5, "created_at": "2026-11-28T12:07:16.853236Z",
       "updated_at": "2026-11-28T12:30:02.118Z", "filter_dropped": 1204, "filter_errors": 0}""";
}
