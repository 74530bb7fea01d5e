package dev.autowebhook.api.feed;

import dev.autowebhook.api.Roles;
import dev.autowebhook.feed.entity.SyncState;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Who calls the sync API: admins may act on every device, viewers read every device, and a sync
 * client (API token) reads and moves only the devices of the user its token is bound to.
 */
record Caller(String username, boolean admin, boolean viewer) {

  static Caller of(SecurityContext sc) {
    return new Caller(sc.getUserPrincipal() == null ? null : sc.getUserPrincipal().getName(),
        sc.isUserInRole(Roles.ADMIN), sc.isUserInRole(Roles.VIEWER));
  }

  /** May see this device. */
  SyncState reads(SyncState s) {
    if (admin || viewer || s.getUsername().equals(username)) {
      return s;
    }
    throw new ForbiddenException("device " + s.getId() + " belongs to another user");
  }

  /** Refuses callers that may change no device at all (viewers), before any lookup. */
  Caller mayWrite() {
    if (viewer && !admin) {
      throw new ForbiddenException("viewers may not change sync states");
    }
    return this;
  }

  /** May move this device's cursor or change it. */
  SyncState writes(SyncState s) {
    if (admin || (!viewer && s.getUsername().equals(username))) {
      return s;
    }
    throw new ForbiddenException(viewer ? "viewers may not change sync states"
        : "device " + s.getId() + " belongs to another user");
  }

  /** Whose devices a list shows: null for everyone (admins, viewers), else the caller's. */
  String scope(String requested) {
    if (admin || viewer) {
      return requested == null || requested.isBlank() ? null : requested.trim();
    }
    if (requested != null && !requested.isBlank() && !requested.trim().equals(username)) {
      throw new ForbiddenException("a sync client sees only its own devices");
    }
    return username;
  }
}
