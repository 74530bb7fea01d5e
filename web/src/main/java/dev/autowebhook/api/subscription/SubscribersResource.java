package dev.autowebhook.api.subscription;

import dev.autowebhook.api.Roles;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.delivery.boundary.ConnectionTests;
import dev.autowebhook.subscription.boundary.Subscribers;
import dev.autowebhook.subscription.entity.Subscriber;
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

/** Admin API for subscribers (endpoints). */
@RequestScoped
@Path("admin/subscribers")
@Tag(name = "Subscribers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.VIEWER})
public class SubscribersResource {

  @Inject Subscribers subscribers;
  @Inject ConnectionTests connectionTests;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "List subscribers (secrets are never returned)")
  public List<SubscriberOut> list() {
    return subscribers.all().stream().map(SubscriberOut::of).toList();
  }

  @GET
  @Path("{id}")
  public SubscriberOut get(@PathParam("id") long id) {
    return SubscriberOut.of(subscribers.get(id));
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Create a subscriber; the answer carries its signing_secret, once")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(responseCode = "400", description = "Invalid input")
  @APIResponse(responseCode = "409", description = "Name already taken")
  public Response create(SubscriberIn in) {
    Subscriber s = subscribers.create(body(in).applyTo(new Subscriber()));
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(s.getId())).build())
        .entity(SubscriberOut.of(s, true)).build();
  }

  @PUT
  @Path("{id}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Update; omitted fields (secrets included) keep their stored values")
  public SubscriberOut update(@PathParam("id") long id, SubscriberIn in) {
    return SubscriberOut.of(subscribers.update(id, s -> body(in).applyTo(s)));
  }

  @POST
  @Path("{id}/test")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Test Connection: send a signed test event now and diagnose the answer",
      description = "Test events are marked (event \"test\", header X-AutoWebhook-Test) and are"
          + " not counted in statistics or listed as deliveries.")
  @APIResponse(responseCode = "200", description = "The test ran (see success and diagnosis)")
  @APIResponse(responseCode = "404", description = "No such subscriber")
  public ConnectionTestOut test(@PathParam("id") long id) {
    return ConnectionTestOut.of(connectionTests.test(id));
  }

  @POST
  @Path("{id}/rotate-secret")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Replace the signing secret; the answer carries the new one, once",
      description = "During grace_seconds (default a day) every request is signed with both the"
          + " new and the previous secret, so receivers can switch without losing a message.")
  @APIResponse(responseCode = "200", description = "Rotated")
  @APIResponse(responseCode = "400", description = "grace_seconds out of range")
  public RotatedSecretOut rotateSecret(@PathParam("id") long id, RotateSecretIn in) {
    Subscriber s = subscribers.rotateSecret(id, in == null ? null : in.graceSeconds());
    return new RotatedSecretOut(s.getId(), s.getSigningSecret(), s.getPreviousSecretUntil());
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed(Roles.ADMIN)
  @APIResponse(responseCode = "204", description = "Deleted with its deliveries")
  public Response delete(@PathParam("id") long id) {
    subscribers.delete(id);
    return Response.noContent().build();
  }

  static <T> T body(T in) {
    if (in == null) {
      throw new InvalidInputException("body", "a JSON object is required");
    }
    return in;
  }
}
