package dev.autowebhook.api.feed;

import dev.autowebhook.api.Params;
import dev.autowebhook.api.Roles;
import dev.autowebhook.feed.boundary.Feed;
import dev.autowebhook.feed.boundary.SyncStates;
import dev.autowebhook.feed.entity.SyncState;
import dev.autowebhook.platform.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The pull feed: events in a stable order after a cursor. */
@RequestScoped
@Path("webhooks/events")
@Tag(name = "Pull feed")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.VIEWER, Roles.SYNC})
public class FeedResource {

  /**
   * One page of the feed as clients get it (not "PageOut": the OpenAPI schema is named after the
   * simple name). The events are the stored JSON texts, so a page is written as text by
   * {@link #of}, not through JSON-B; this record describes its shape for OpenAPI. The members
   * come in JSON-B's order (lexicographic), as they always did.
   */
  public record FeedPageOut(List<JsonObject> events, String nextCursor, boolean hasMore) {

    static StreamingOutput of(Feed.Page page) {
      return out -> {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16384);
        w.write("{\"events\":[");
        boolean first = true;
        for (String event : page.events()) {
          if (!first) {
            w.write(',');
          }
          w.write(event);
          first = false;
        }
        w.write("],\"has_more\":" + page.hasMore() + ",\"next_cursor\":\"" + page.nextCursor()
            + "\"}");
        w.flush();
      };
    }
  }

  @Inject Feed feed;
  @Inject SyncStates syncStates;
  @Context SecurityContext security;

  @GET
  @Operation(operationId = "pullEvents", summary = "Events after a cursor, in feed order",
      description = "A cursor never skips an event, even one whose transaction committed after a"
          + " later one was read. With device_id, after defaults to the device's cursor and models"
          + " are limited to its app type's models.")
  @APIResponse(responseCode = "200", description = "OK",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(ref = "FeedPageOut")))
  @APIResponse(responseCode = "404", description = "There is no sync state with this device_id")
  public Response pull(
      @Parameter(description = "next_cursor of the previous page; absent = from the beginning")
      @QueryParam("after") String after,
      @Parameter(description = "1..1000, default 100", schema = @Schema(type = SchemaType.INTEGER,
          format = "int32", minimum = "1", maximum = "1000")) @QueryParam("limit") String limit,
      @Parameter(description = "comma-separated model keys, e.g. sale.order,res.partner")
      @QueryParam("models") String models,
      @Parameter(description = "comma-separated priorities: high, medium, low")
      @QueryParam("priority") String priority,
      @Parameter(description = "id of a sync state of the caller's",
          schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
      @QueryParam("device_id") String deviceParam) {
    Long deviceId = Params.longParam("device_id", deviceParam);
    Set<String> modelFilter = feed.models(list(models));
    long cursor = Feed.cursor("after", after);
    if (deviceId != null) {
      SyncState device = Caller.of(security).reads(syncStates.get(deviceId));
      Set<String> allowed = syncStates.models(device);
      if (!allowed.isEmpty()) {
        if (modelFilter.isEmpty()) {
          modelFilter = allowed;
        } else if (!allowed.containsAll(modelFilter)) {
          Set<String> extra = new LinkedHashSet<>(modelFilter);
          extra.removeAll(allowed);
          throw new InvalidInputException("models", "the " + device.getAppType().key()
              + " app of this device does not receive " + extra);
        }
      }
      if (after == null) {
        cursor = device.getCursor();
      }
    }
    Feed.Page page = feed.read(cursor, Feed.limit(Params.intParam("limit", limit)), modelFilter,
        Feed.priorities(list(priority)));
    return Response.ok(FeedPageOut.of(page)).build();
  }

  static List<String> list(String csv) {
    return csv == null ? List.of() : Arrays.stream(csv.split(",")).map(String::trim)
        .filter(s -> !s.isEmpty()).toList();
  }
}
