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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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
  @Operation(operationId = "listSubscribers",
      summary = "List subscribers (secrets are never returned)")
  public List<SubscriberOut> list() {
    return subscribers.all().stream().map(SubscriberOut::of).toList();
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getSubscriber", summary = "Read one subscriber (secrets are never"
      + " returned, only whether they are set)")
  public SubscriberOut get(@PathParam("id") long id) {
    return SubscriberOut.of(subscribers.get(id));
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Operation(operationId = "createSubscriber",
      summary = "Create a subscriber; the answer carries its signing_secret, once")
  @APIResponse(responseCode = "201", description = "Created; `signing_secret` is shown this once",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(ref = "SubscriberOut"),
          examples = @ExampleObject(name = "created", value = CREATED)))
  @APIResponse(responseCode = "400", description = "Invalid input")
  @APIResponse(responseCode = "409", description = "Name already taken")
  public Response create(@RequestBody(required = true, content = @Content(
      mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SubscriberIn"),
      examples = {
          @ExampleObject(name = "http", summary = "An HTTP endpoint with a bearer token",
              value = CREATE_HTTP),
          @ExampleObject(name = "jms", summary = "A JMS queue", value = CREATE_JMS)}))
      SubscriberIn in) {
    Subscriber s = subscribers.create(body(in).applyTo(new Subscriber()));
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(s.getId())).build())
        .entity(SubscriberOut.of(s, true)).build();
  }

  @PUT
  @Path("{id}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(operationId = "updateSubscriber",
      summary = "Update; omitted fields (secrets included) keep their stored values")
  @APIResponse(responseCode = "200", description = "Updated",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(ref = "SubscriberOut")))
  @APIResponse(responseCode = "409", description = "Name already taken")
  public SubscriberOut update(@PathParam("id") long id, @RequestBody(required = true,
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(ref = "SubscriberIn"))) SubscriberIn in) {
    return SubscriberOut.of(subscribers.update(id, s -> body(in).applyTo(s)));
  }

  @POST
  @Path("{id}/test")
  @RolesAllowed(Roles.ADMIN)
  @Operation(operationId = "testSubscriber",
      summary = "Test Connection: send a signed test event now and diagnose the answer",
      description = "Test events are marked (event \"test\", header X-AutoWebhook-Test) and are"
          + " not counted in statistics or listed as deliveries.")
  @APIResponse(responseCode = "200", description = "The test ran (see success and diagnosis)",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(ref = "ConnectionTestOut"),
          examples = @ExampleObject(name = "accepted", value = TESTED)))
  @APIResponse(responseCode = "404", description = "No such subscriber")
  @APIResponse(responseCode = "429", description = "Too many Test Connections are running at"
      + " once; try again after Retry-After seconds")
  public ConnectionTestOut test(@PathParam("id") long id) {
    return ConnectionTestOut.of(connectionTests.test(id));
  }

  @POST
  @Path("{id}/rotate-secret")
  @RolesAllowed(Roles.ADMIN)
  @Operation(operationId = "rotateSubscriberSecret",
      summary = "Replace the signing secret; the answer carries the new one, once",
      description = "During grace_seconds (default a day) every request is signed with both the"
          + " new and the previous secret, so receivers can switch without losing a message.")
  @APIResponse(responseCode = "200", description = "Rotated",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(ref = "RotatedSecretOut"),
          examples = @ExampleObject(name = "rotated", value = ROTATED)))
  @APIResponse(responseCode = "400", description = "grace_seconds out of range")
  public RotatedSecretOut rotateSecret(@PathParam("id") long id,
      @RequestBody(description = "Optional; without it the previous secret signs for a day",
          content = @Content(mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "RotateSecretIn"),
              examples = @ExampleObject(name = "oneHour", value = "{\"grace_seconds\": 3600}")))
      RotateSecretIn in) {
    Subscriber s = subscribers.rotateSecret(id, in == null ? null : in.graceSeconds());
    return new RotatedSecretOut(s.getId(), s.getSigningSecret(), s.getPreviousSecretUntil());
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(operationId = "deleteSubscriber", summary = "Delete a subscriber")
  @APIResponse(responseCode = "204", description = "Deleted with its deliveries")
  public Response delete(@PathParam("id") long id) {
    subscribers.delete(id);
    return Response.noContent().build();
  }

  // OpenAPI examples

  static final String CREATE_HTTP = """
      {"name": "erp-orders", "kind": "http",
       "endpoint_url": "https://erp.example.com/hooks/autowebhook",
       "auth_type": "bearer", "auth_token": "s3cr3t-token",
       "custom_headers": {"X-Tenant": "acme"}, "timeout_seconds": 10,
       "rate_limit": 50, "rate_limit_window_seconds": 60, "max_retries": 5}""";

  static final String CREATE_JMS = """
      {"name": "warehouse-queue", "kind": "jms", "jms_destination": "queue:orders"}""";

  static final String CREATED = """
      {"id": 57, "name": "erp-orders", "kind": "http",
       "endpoint_url": "https://erp.example.com/hooks/autowebhook", "jms_destination": null,
       "auth_type": "bearer", "has_auth_token": true, "has_api_key": false,
       "api_key_header": "X-API-Key", "basic_username": null, "has_basic_password": false,
       "custom_headers": {"X-Tenant": "****"}, "timeout_seconds": 10, "verify_tls": true,
       "enabled": true, "rate_limit": 50, "rate_limit_window_seconds": 60, "max_retries": 5,
       "max_concurrency": 8, "disabled_reason": null, "disabled_at": null,
       "failing_since": null, "created_at": "2026-11-28T12:23:50.069639Z",
       "updated_at": "2026-11-28T12:23:50.069639Z",
       "signing_secret": "whsec_TsR7rb2lyc5sB8kfg85SlA24WyajH7xc"}""";

  static final String TESTED = """
      {"success": true, "status_code": 200, "latency_ms": 18,
       "diagnosis": "OK: the endpoint accepted the signed test event (HTTP 200).",
       "error": null, "response_excerpt": "{\\"received\\":61}",
       "event_id": "evt_test_8d237f29762745c4a455bc7b49b7d742",
       "tested_at": "2026-11-28T12:23:50.66681Z"}""";

  static final String ROTATED = """
      {"id": 57, "signing_secret": "whsec_Vq3xJ0mB9cK2pL7sT4wY8zA1dF6gH5nR",
       "previous_secret_valid_until": "2026-11-28T13:23:50Z"}""";

  static <T> T body(T in) {
    if (in == null) {
      throw new InvalidInputException("body", "a JSON object is required");
    }
    return in;
  }
}
