package dev.autowebhook.api.feed;

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
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The pull feed: events in a stable order after a cursor. */
@RequestScoped
@Path("webhooks/events")
@Tag(name = "Pull feed")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.VIEWER, Roles.SYNC})
public class FeedResource {

  /** One page of the feed (not "PageOut": the OpenAPI schema is named after the simple name). */
  public record FeedPageOut(List<JsonObject> events, String nextCursor, boolean hasMore) {}

  @Inject Feed feed;
  @Inject SyncStates syncStates;
  @Context SecurityContext security;

  @GET
  @Operation(operationId = "pullEvents", summary = "Events after a cursor, in feed order",
      description = "A cursor never skips an event, even one whose transaction committed after a"
          + " later one was read. With device_id, after defaults to the device's cursor and models"
          + " are limited to its app type's models.")
  public FeedPageOut pull(
      @Parameter(description = "next_cursor of the previous page; absent = from the beginning")
      @QueryParam("after") String after,
      @Parameter(description = "1..1000, default 100") @QueryParam("limit") Integer limit,
      @Parameter(description = "comma-separated model keys, e.g. sale.order,res.partner")
      @QueryParam("models") String models,
      @Parameter(description = "comma-separated priorities: high, medium, low")
      @QueryParam("priority") String priority,
      @Parameter(description = "id of a sync state of the caller's")
      @QueryParam("device_id") Long deviceId) {
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
    Feed.Page page = feed.read(cursor, Feed.limit(limit), modelFilter,
        Feed.priorities(list(priority)));
    return new FeedPageOut(page.events(), Long.toString(page.nextCursor()), page.hasMore());
  }

  static List<String> list(String csv) {
    return csv == null ? List.of() : Arrays.stream(csv.split(",")).map(String::trim)
        .filter(s -> !s.isEmpty()).toList();
  }
}
