package dev.autowebhook.api.inbox;

import dev.autowebhook.platform.Jsonp;
import dev.autowebhook.api.Params;
import dev.autowebhook.api.Roles;
import dev.autowebhook.inbox.boundary.Inbox;
import dev.autowebhook.inbox.entity.InboxMessage;
import dev.autowebhook.platform.InvalidInputException;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The built-in receiver: {@code POST /api/v1/inbox} accepts webhooks (no login: it is an
 * endpoint for our own deliveries), {@code GET /api/v1/admin/inbox} lists what arrived.
 */
@RequestScoped
@Path("inbox")
@Tag(name = "Inbox")
public class InboxResource {

  static final int MAX_BODY = 256 * 1024;

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
  @Operation(summary = "Receive a webhook (the default subscriber's target)")
  public Response receive(byte[] body) {
    if (body.length > MAX_BODY) {
      throw new InvalidInputException("body", "is larger than " + MAX_BODY + " bytes");
    }
    JsonObjectBuilder h = Jsonp.PROVIDER.createObjectBuilder();
    headers.getRequestHeaders().forEach((k, v) -> {
      String lower = k.toLowerCase(Locale.ROOT);
      String value = v.isEmpty() ? "" : v.get(0);
      if (lower.equals("authorization") || lower.equals("x-api-key") || lower.contains("token")
          || lower.contains("secret")) {
        value = "****";
      }
      h.add(lower, value);
    });
    InboxMessage m = inbox.receive(headers.getHeaderString("webhook-id"),
        headers.getHeaderString("webhook-timestamp"), headers.getHeaderString("webhook-signature"),
        h.build().toString(), body);
    return Response.ok(Jsonp.PROVIDER.createObjectBuilder().add("received", m.getId()).build()).build();
  }
}
