package dev.autowebhook.api.feed;

import dev.autowebhook.api.Params;
import dev.autowebhook.api.Roles;
import dev.autowebhook.feed.boundary.Feed;
import dev.autowebhook.feed.boundary.SyncStates;
import dev.autowebhook.feed.entity.AppType;
import dev.autowebhook.feed.entity.SyncState;
import dev.autowebhook.platform.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Smart Sync: a device registers (get-or-create), pulls the feed with its {@code device_id},
 * and acknowledges what it stored; admins see, reset, deactivate and count every device.
 */
@RequestScoped
@Path("webhooks/sync-state")
@Tag(name = "Smart Sync")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.VIEWER, Roles.SYNC})
public class SyncStateResource {

  /** Registration of a device: its id on the client, app type, description. */
  public record RegisterIn(String deviceId, String appType, String deviceInfo,
      String appVersion) {}

  /** A cursor to acknowledge up to, or to reset to. */
  public record CursorIn(String cursor) {}

  @Inject SyncStates syncStates;
  @Context SecurityContext security;

  private SyncStateOut out(SyncState s) {
    return SyncStateOut.of(s, syncStates.models(s));
  }

  @POST
  @Operation(operationId = "registerDevice", summary = "Get or create the caller's device",
      description = "Idempotent: the same device_id of the same user returns the same state"
          + " (app type, device info and app version are updated when given).")
  public SyncStateOut register(@RequestBody(required = true,
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(ref = "RegisterIn"))) RegisterIn in) {
    Caller caller = Caller.of(security).mayWrite();
    if (in == null) {
      throw new InvalidInputException("body", "a JSON object is required");
    }
    AppType type = null;
    if (in.appType() != null) {
      try {
        type = AppType.of(in.appType());
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("app_type",
            "must be one of sales, delivery, warehouse, manager, mobile");
      }
    }
    String device = in.deviceId() == null ? null : in.deviceId().trim();
    if (device == null || device.isEmpty()) {
      throw new InvalidInputException("device_id", "is required");
    }
    return out(syncStates.register(caller.username(), device, type, in.deviceInfo(),
        in.appVersion()));
  }

  @GET
  @Operation(operationId = "listSyncStates", summary = "Devices: a sync client sees its own")
  public List<SyncStateOut> list(@QueryParam("username") String username,
      @QueryParam("app_type") String appType,
      @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("active")
      String active) {
    return syncStates.list(Caller.of(security).scope(username),
        Params.enumParam("app_type", appType, AppType.class),
        Params.boolParam("active", active)).stream().map(this::out)
        .toList();
  }

  @GET
  @Path("stats")
  @Operation(operationId = "syncStats", summary = "Devices, syncs and events per user and app type")
  public SyncStates.Stats stats() {
    return syncStates.stats(Caller.of(security).scope(null));
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getSyncState", summary = "One device's sync state")
  public SyncStateOut get(@PathParam("id") long id) {
    return out(Caller.of(security).reads(syncStates.get(id)));
  }

  @POST
  @Path("{id}/ack")
  @Operation(operationId = "acknowledgeSync", summary = "Acknowledge everything up to a cursor",
      description = "The cursor only moves forward (409 otherwise); events of the device's models"
          + " in between are counted as synced.")
  public SyncStateOut acknowledge(@PathParam("id") long id, @RequestBody(required = true,
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(ref = "CursorIn"))) CursorIn in) {
    Caller.of(security).mayWrite().writes(syncStates.get(id));
    return out(syncStates.acknowledge(id, Feed.cursor("cursor", required(in))));
  }

  @POST
  @Path("{id}/reset")
  @Operation(operationId = "resetSyncState", summary = "Put the cursor back (default: start)")
  public SyncStateOut reset(@PathParam("id") long id, @RequestBody(description = "Optional;"
      + " without it (or without cursor) the cursor goes back to the start",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(ref = "CursorIn"))) CursorIn in) {
    Caller.of(security).mayWrite().writes(syncStates.get(id));
    return out(syncStates.reset(id, Feed.cursor("cursor", in == null ? null : in.cursor())));
  }

  @POST
  @Path("{id}/deactivate")
  @Operation(operationId = "deactivateDevice", summary = "Stop counting this device (keeps its cursor)")
  public SyncStateOut deactivate(@PathParam("id") long id) {
    Caller.of(security).mayWrite().writes(syncStates.get(id));
    return out(syncStates.setActive(id, false));
  }

  @POST
  @Path("{id}/activate")
  @Operation(operationId = "activateDevice", summary = "Count this device again")
  public SyncStateOut activate(@PathParam("id") long id) {
    Caller.of(security).mayWrite().writes(syncStates.get(id));
    return out(syncStates.setActive(id, true));
  }

  private static String required(CursorIn in) {
    if (in == null || in.cursor() == null || in.cursor().isBlank()) {
      throw new InvalidInputException("cursor", "is required");
    }
    return in.cursor();
  }
}
