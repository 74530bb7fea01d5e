package dev.autowebhook.api.operations;

import dev.autowebhook.api.Params;
import dev.autowebhook.api.Roles;
import dev.autowebhook.operations.boundary.JobRun;
import dev.autowebhook.operations.boundary.Jobs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Executions of the batch jobs (this node's job repository): recent ones, one with its per-step
 * counts, restart of a failed or stopped one from its checkpoint, stop of a running one.
 */
@RequestScoped
@Path("admin/job-executions")
@Tag(name = "Jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.VIEWER})
public class JobExecutionsResource {

  @Inject Jobs jobs;
  @Context UriInfo uri;

  @GET
    @Operation(operationId = "listJobExecutions",
      summary = "Recent executions on this node's job repository, newest first")
  public List<JobRun> executions(@QueryParam("job") String job,
      @QueryParam("limit") String limit) {
    return jobs.executions(job == null || job.isBlank() ? null : job.trim(),
        Params.intParam("limit", limit, 50));
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getJobExecution", summary = "One execution: status and step counts")
  @APIResponse(responseCode = "200", description = "The execution",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = JobRun.class)))
  @APIResponse(responseCode = "404", description = "No such execution")
  public JobRun execution(@PathParam("id") long id) {
    return jobs.execution(id);
  }

  @POST
  @Path("{id}/restart")
  @RolesAllowed(Roles.ADMIN)
  @Operation(operationId = "restartJobExecution",
      summary = "Restart a failed or stopped execution from its last checkpoint")
  @APIResponse(responseCode = "202", description = "The new execution",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = JobRun.class)))
  @APIResponse(responseCode = "404", description = "No such execution")
  @APIResponse(responseCode = "409", description = "Not the latest failed or stopped execution")
  public Response restart(@PathParam("id") long id) {
    JobRun run = jobs.restart(id);
    return Response.accepted(run)
        .location(uri.getBaseUriBuilder().path("admin/job-executions/{id}").build(run.id()))
        .build();
  }

  @POST
  @Path("{id}/stop")
  @RolesAllowed(Roles.ADMIN)
  @Operation(operationId = "stopJobExecution", summary = "Stop a running execution after its"
      + " current chunk")
  @APIResponse(responseCode = "200", description = "Stopping",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = JobRun.class)))
  @APIResponse(responseCode = "404", description = "No such execution")
  @APIResponse(responseCode = "409", description = "The execution is not running")
  public JobRun stop(@PathParam("id") long id) {
    return jobs.stop(id);
  }
}
