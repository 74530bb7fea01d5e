package dev.autowebhook.api.security;

import dev.autowebhook.api.Params;
import dev.autowebhook.api.Roles;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.security.boundary.ApiTokens;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin API for the API tokens sync clients authenticate with ({@code Bearer awt_…}). */
@RequestScoped
@Path("admin/tokens")
@Tag(name = "API tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.VIEWER})
public class TokensResource {

  @Inject ApiTokens tokens;
  @Context UriInfo uri;

  @GET
  @Operation(operationId = "listTokens",
      summary = "List tokens, newest first, revoked ones included (never the token)")
  public List<TokenOut> list(@QueryParam("username") String username) {
    return tokens.list(username).stream().map(TokenOut::of).toList();
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getToken", summary = "One token (never the token itself)")
  @APIResponse(responseCode = "200", description = "The token's metadata",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TokenOut")))
  @APIResponse(responseCode = "404", description = "No such token")
  public TokenOut get(@PathParam("id") long id) {
    return TokenOut.of(tokens.get(id));
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Operation(operationId = "issueToken",
      summary = "Issue a token for a user; the answer carries the token, once",
      description = "The token authenticates as `Authorization: Bearer <token>` with the role"
          + " sync-client only, whatever the user's own role. Only its SHA-256 is stored.")
  @APIResponse(responseCode = "201", description = "Issued; `token` is shown this once",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TokenOut"),
          examples = @ExampleObject(name = "issued", value = ISSUED)))
  @APIResponse(responseCode = "400",
      description = "Unknown user, blank or too long name, expires_at not in the future")
  public Response issue(@RequestBody(required = true, content = @Content(
      mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TokenIn"),
      examples = @ExampleObject(name = "tablet", value = "{\"username\": \"field-sales\","
          + " \"name\": \"tablet 7\", \"expires_at\": \"2027-06-30T00:00:00Z\"}")))
      TokenIn in) {
    if (in == null) {
      throw new InvalidInputException("body", "a JSON object is required");
    }
    ApiTokens.Issued issued = tokens.issue(in.username(), in.name(),
        Params.time("expires_at", in.expiresAt()));
    return Response.created(uri.getAbsolutePathBuilder()
            .path(String.valueOf(issued.apiToken().getId())).build())
        .entity(TokenOut.of(issued.apiToken(), issued.token())).build();
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(operationId = "revokeToken", summary = "Revoke a token (idempotent)",
      description = "Effective at once on the node that answers, within 30 s on the others.")
  @APIResponse(responseCode = "204", description = "Revoked (or already was)")
  @APIResponse(responseCode = "404", description = "No such token")
  public Response revoke(@PathParam("id") long id) {
    tokens.revoke(id);
    return Response.noContent().build();
  }

  // OpenAPI examples

  static final String ISSUED = """
      {"id": 14, "name": "tablet 7", "username": "field-sales", "prefix": "Qm9hdC1z",
       "created_at": "2026-11-28T13:02:11Z", "expires_at": "2027-06-30T00:00:00Z",
       "last_used_at": null, "revoked_at": null, "created_by": "admin",
       "token": "awt_Qm9hdC1zX2FyZV9ub3RfYV9yZWFsX3Rva2VuX2V4YW1"}""";
}
