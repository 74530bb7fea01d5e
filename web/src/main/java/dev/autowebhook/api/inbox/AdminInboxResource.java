package dev.autowebhook.api.inbox;

import dev.autowebhook.api.Params;
import dev.autowebhook.api.Roles;
import dev.autowebhook.api.inbox.InboxResource.InboxOut;
import dev.autowebhook.inbox.boundary.Inbox;
import dev.autowebhook.platform.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the built-in inbox received, for admins. */
@RequestScoped
@Path("admin/inbox")
@Tag(name = "Inbox")
@RolesAllowed({Roles.ADMIN, Roles.VIEWER})
public class AdminInboxResource {

  @Inject Inbox inbox;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "listInbox", summary = "The newest requests received by the inbox")
  public List<InboxOut> list(@QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    int l = Params.intParam("limit", limit, 50);
    int o = Params.intParam("offset", offset, 0);
    if (l < 1 || l > 500 || o < 0) {
      throw new InvalidInputException("limit", "must be between 1 and 500 (offset 0 or more)");
    }
    return inbox.latest(o, l).stream().map(InboxOut::of).toList();
  }

  @DELETE
  @RolesAllowed(Roles.ADMIN)
  @Operation(operationId = "clearInbox", summary = "Forget everything the inbox received")
  @APIResponse(responseCode = "204", description = "Cleared")
  public Response clear() {
    inbox.clear();
    return Response.noContent().build();
  }
}
