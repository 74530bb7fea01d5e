package dev.autowebhook.api.feed;

import dev.autowebhook.api.Roles;
import dev.autowebhook.feed.boundary.FeedRetention;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Runs the feed retention now (it also runs nightly). */
@RequestScoped
@Path("admin/feed/retention")
@Tag(name = "Pull feed")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class FeedRetentionResource {

  /** Optional limits for this run, in seconds; absent = the configured ones. */
  public record RunIn(Long retentionSeconds, Long hardLimitSeconds) {}

  @Inject FeedRetention retention;

  @POST
  @Operation(operationId = "runFeedRetention", summary = "Archive and delete old feed events now",
      description = "Keeps events an active device has not synced yet unless older than the hard"
          + " limit, and events whose deliveries are still under way.")
  public FeedRetention.Result run(@RequestBody(description = "Optional; without it (or a"
      + " field) the configured retention and hard limit apply",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(ref = "RunIn"))) RunIn in) {
    return retention.run(in == null ? null : in.retentionSeconds(),
        in == null ? null : in.hardLimitSeconds());
  }
}
