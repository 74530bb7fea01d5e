package dev.autowebhook.api.security;

import dev.autowebhook.api.Params;
import dev.autowebhook.api.Roles;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.security.boundary.Users;
import dev.autowebhook.security.entity.AppUser;
import dev.autowebhook.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin and viewer accounts (admins only); passwords are stored as PBKDF2 hashes. */
@RequestScoped
@Path("admin/users")
@Tag(name = "Users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class UsersResource {

  /** A new account. */
  public record UserIn(String username, String password, String role) {}

  /** An account as shown (never the hash). */
  public record UserOut(Long id, String username, String role, boolean enabled,
      OffsetDateTime createdAt) {
    static UserOut of(AppUser u) {
      return new UserOut(u.getId(), u.getUsername(), u.getRole().roleName(), u.isEnabled(),
          u.getCreatedAt());
    }
  }

  @Inject Users users;

  @GET
  @Operation(operationId = "listUsers", summary = "List the accounts (never a password hash)")
  public List<UserOut> list() {
    return users.all().stream().map(UserOut::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "createUser",
      summary = "Create an account with role webhook-admin or webhook-viewer")
  @APIResponse(responseCode = "201", description = "Created",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserOut"),
          examples = @ExampleObject(name = "viewer", value = "{\"id\": 12, \"username\":"
              + " \"auditor\", \"role\": \"webhook-viewer\", \"enabled\": true,"
              + " \"created_at\": \"2026-11-28T12:40:00Z\"}")))
  @APIResponse(responseCode = "400", description = "Missing user name, a password shorter"
      + " than 8 characters or an unknown role")
  @APIResponse(responseCode = "409", description = "User name already taken")
  public Response create(@RequestBody(required = true, content = @Content(
      mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserIn"),
      examples = @ExampleObject(name = "viewer", value = "{\"username\": \"auditor\","
          + " \"password\": \"correct-horse-battery\", \"role\": \"webhook-viewer\"}")))
      UserIn in) {
    if (in == null) {
      throw new InvalidInputException("body", "a JSON object is required");
    }
    Role role = Role.WEBHOOK_VIEWER;
    if (in.role() != null) {
      role = Params.enumParam("role", in.role().replace('-', '_'), Role.class);
      if (role == null) { // blank: not absent, as it is for a query parameter
        throw new InvalidInputException("role", "must be webhook-admin or webhook-viewer");
      }
    }
    return Response.status(201).entity(UserOut.of(users.create(in.username(), in.password(), role)))
        .build();
  }
}
