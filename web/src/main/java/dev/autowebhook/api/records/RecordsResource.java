package dev.autowebhook.api.records;

import dev.autowebhook.api.Params;
import dev.autowebhook.api.Roles;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.records.boundary.Records;
import dev.autowebhook.records.entity.BusinessRecord;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * CRUD of one kind of business record ({@code /api/v1/<plural>}); one thin subclass per model
 * names the entity and the path. Every write goes through {@link Records}, so it is captured.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.VIEWER})
public abstract class RecordsResource<T extends BusinessRecord> {

  private final Class<T> type;

  @Inject Records records;
  @Context UriInfo uri;

  protected RecordsResource(Class<T> type) {
    this.type = type;
  }

  @GET
  @Operation(summary = "List records, oldest first, paged with offset and limit (max 500)")
  public JsonObject list(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
    Records.Page page = records.list(type, Params.intParam("offset", offset, 0),
        Params.intParam("limit", limit, 50));
    return Json.createObjectBuilder()
        .add("items", Json.createArrayBuilder(List.copyOf(page.items())))
        .add("total", page.total())
        .add("offset", page.offset())
        .add("limit", page.limit())
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Read one record")
  @APIResponse(responseCode = "404", description = "No such record")
  public JsonObject get(@PathParam("id") long id) {
    return json(records.get(type, id));
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Create a record (captured as a create event)")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(responseCode = "400", description = "Invalid input")
  public Response create(JsonValue body) {
    JsonObject created = json(records.create(type, object(body)));
    return Response.created(uri.getAbsolutePathBuilder()
        .path(String.valueOf(created.getJsonNumber("id").longValue())).build())
        .entity(created).build();
  }

  @POST
  @Path("batch")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Create (no id) or update (with id) many records in one transaction,"
      + " in order: all or none")
  @APIResponse(responseCode = "200", description = "All applied")
  public JsonObject batch(JsonValue body) {
    if (!(body instanceof JsonArray array)) {
      throw new InvalidInputException("body", "must be a JSON array of records");
    }
    List<Map<String, Object>> applied = records.applyAll(type, array);
    return Json.createObjectBuilder()
        .add("items", Json.createArrayBuilder(List.copyOf(applied))).build();
  }

  @PUT
  @Path("{id}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Update the fields present in the body (captured as an update event)")
  public JsonObject update(@PathParam("id") long id, JsonValue body) {
    return json(records.update(type, id, object(body)));
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Delete a record (captured as a delete event)")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "409", description = "Still referenced by other records")
  public Response delete(@PathParam("id") long id) {
    records.delete(type, id);
    return Response.noContent().build();
  }

  private static JsonObject object(JsonValue body) {
    if (!(body instanceof JsonObject o)) {
      throw new InvalidInputException("body", "must be a JSON object");
    }
    return o;
  }

  static JsonObject json(Map<String, Object> map) {
    return Json.createObjectBuilder(map).build();
  }
}
