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
  public List<ConfigOut> list() {
    return configs.all().stream().map(ConfigOut::of).toList();
  }

  @GET
  @Path("{id}")
  public ConfigOut get(@PathParam("id") long id) {
    return ConfigOut.of(configs.get(id));
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Create the config of a model")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(responseCode = "400", description = "Unknown model, field, event type or subscriber")
  @APIResponse(responseCode = "409", description = "The model already has a config")
  public Response create(ConfigIn in) {
    ConfigIn body = SubscribersResource.body(in);
    WebhookConfig c = configs.create(
        (java.util.function.Consumer<WebhookConfig>) n -> body.applyTo(n, configs::subscribers));
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(c.getId())).build())
        .entity(ConfigOut.of(c)).build();
  }

  @PUT
  @Path("{id}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Update; accepts the object exactly as GET returned it")
  public ConfigOut update(@PathParam("id") long id, ConfigIn in) {
    return ConfigOut.of(configs.update(id,
        c -> SubscribersResource.body(in).applyTo(c, configs::subscribers)));
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed(Roles.ADMIN)
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(@PathParam("id") long id) {
    configs.delete(id);
    return Response.noContent().build();
  }
}
