package dev.autowebhook.api.inbox;

import dev.autowebhook.platform.Jsonp;
import dev.autowebhook.api.Params;
import dev.autowebhook.api.problem.Problem;
import dev.autowebhook.api.Roles;
import dev.autowebhook.inbox.boundary.Inbox;
import dev.autowebhook.inbox.entity.InboxMessage;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The built-in receiver: {@code POST /api/v1/inbox} accepts webhooks signed for a subscriber
 * that points at it (no login: it is an endpoint for our own deliveries; anything else is a 401),
 * {@code GET /api/v1/admin/inbox} lists what arrived.
 */
@RequestScoped
@Path("inbox")
@Tag(name = "Inbox")
public class InboxResource {

  /** One received request. */
  public record InboxOut(Long id, OffsetDateTime receivedAt, String webhookId,
      Boolean signatureValid, String headers, String body) {
    public static InboxOut of(InboxMessage m) {
      return new InboxOut(m.getId(), m.getReceivedAt(), m.getWebhookId(), m.getSignatureValid(),
          m.getHeaders(), m.getBody());
    }
  }

  @Inject Inbox inbox;
  @Context HttpHeaders headers;

  @POST
  @PermitAll
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "receiveWebhook",
      summary = "Receive a webhook (the default subscriber's target); no login, but signed",
      description = "Stores the request only if its Standard Webhooks signature (`webhook-id`,"
          + " `webhook-timestamp`, `webhook-signature`) verifies with the current or previous"
          + " secret of a subscriber whose endpoint URL points at the inbox, and its timestamp"
          + " is at most 5 minutes from now. `AUTOWEBHOOK_INBOX_ENABLED=false` turns it off.")
  @SecurityRequirementsSet // none: public
  @APIResponse(responseCode = "200", description = "Stored; the id of the stored request",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(type = SchemaType.OBJECT, properties = @SchemaProperty(
              name = "received", type = SchemaType.INTEGER, format = "int64")),
          examples = @ExampleObject(name = "stored", value = "{\"received\": 56}")))
  @APIResponse(responseCode = "401", description = "The signature is missing, invalid or"
      + " outside the 5-minute tolerance; nothing was stored")
  @APIResponse(responseCode = "404", description = "The inbox is turned off"
      + " (`AUTOWEBHOOK_INBOX_ENABLED=false`)")
  @APIResponse(responseCode = "413", description = "Larger than 256 KiB; nothing was stored")
  public Response receive(@RequestBody(required = true, description = "The webhook as sent,"
      + " signed with the Standard Webhooks headers",
      content = @Content(mediaType = MediaType.WILDCARD,
          schema = @Schema(type = SchemaType.STRING, format = "binary"))) byte[] body) {
    JsonObjectBuilder h = Jsonp.PROVIDER.createObjectBuilder();
    headers.getRequestHeaders().forEach((k, v) -> {
      h.add(k.toLowerCase(Locale.ROOT), Inbox.shown(k, v.isEmpty() ? "" : v.get(0)));
    });
    return inbox.receive(headers.getHeaderString("webhook-id"),
        headers.getHeaderString("webhook-timestamp"), headers.getHeaderString("webhook-signature"),
        h.build().toString(), body)
        .map(m -> Response.ok(Jsonp.PROVIDER.createObjectBuilder().add("received", m.getId())
            .build()).build())
        .orElseGet(() -> Problem.response(401, "Not signed for the inbox", "The webhook"
            + " signature is missing, invalid or outside the 5-minute tolerance; nothing was"
            + " stored"));
  }
}
