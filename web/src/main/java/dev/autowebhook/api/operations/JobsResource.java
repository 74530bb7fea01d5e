package dev.autowebhook.api.operations;

import dev.autowebhook.api.Roles;
import dev.autowebhook.operations.boundary.JobRun;
import dev.autowebhook.operations.boundary.Jobs;
import dev.autowebhook.platform.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The batch jobs (event and audit cleanup, feed archival, replay, master key rotation): what
 * exists, and starting one with parameters (202 and the execution to poll, see
 * {@link JobExecutionsResource}).
 */
@RequestScoped
@Path("admin/jobs")
@Tag(name = "Jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.VIEWER})
public class JobsResource {

  @Inject Jobs jobs;
  @Context UriInfo uri;

  @GET
  @Operation(operationId = "listJobs", summary = "The jobs and the parameters each takes")
  public List<Jobs.Definition> list() {
    return jobs.definitions();
  }

  @POST
  @Path("{name}/executions")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(operationId = "startJob", summary = "Start a job; the body holds its parameters"
      + " (strings or numbers), e.g. {\"from\": \"2026-11-01T00:00:00Z\", \"subscribers\": \"3\"}"
      + " for replay")
  @APIResponse(responseCode = "202", description = "Started; poll the execution",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = JobRun.class)))
  @APIResponse(responseCode = "400", description = "Unknown or invalid parameters; not started")
  @APIResponse(responseCode = "404", description = "No such job")
  public Response start(@PathParam("name") String name,
      @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(type = SchemaType.OBJECT))) JsonValue parameters) {
    JobRun run = jobs.start(name, strings(parameters));
    return Response.accepted(run)
        .location(uri.getBaseUriBuilder().path("admin/job-executions/{id}").build(run.id()))
        .build();
  }

  /** Parameters as text; a nested object, array or boolean is refused. */
  static Map<String, String> strings(JsonValue body) {
    Map<String, String> out = new LinkedHashMap<>();
    if (body == null || body.getValueType() == JsonValue.ValueType.NULL) {
      return out;
    }
    if (!(body instanceof JsonObject object)) {
      // a JsonObject parameter made JAX-RS fail with a 500 (HTML) for [], "text" or true
      throw new InvalidInputException("body", "must be a JSON object of job parameters");
    }
    for (Map.Entry<String, JsonValue> e : object.entrySet()) {
      JsonValue v = e.getValue();
      switch (v.getValueType()) {
        case STRING -> out.put(e.getKey(), ((JsonString) v).getString());
        case NUMBER -> out.put(e.getKey(), ((JsonNumber) v).toString());
        case NULL -> { }
        default -> throw new InvalidInputException(e.getKey(), "must be a string or a number");
      }
    }
    return out;
  }
}
