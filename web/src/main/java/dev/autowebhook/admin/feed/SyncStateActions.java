package dev.autowebhook.admin.feed;

import dev.autowebhook.admin.AdminAction;
import dev.autowebhook.admin.Notices;
import dev.autowebhook.feed.boundary.Feed;
import dev.autowebhook.feed.boundary.SyncStates;
import dev.autowebhook.feed.entity.SyncState;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The sync state edits of the page, guarded by {@link AdminAction}: a request-scoped bean of its
 * own because the interceptor cannot sit on the view-scoped page bean (it is not serializable).
 */
@RequestScoped
public class SyncStateActions {

  @Inject SyncStates syncStates;

  /** Puts the device's cursor to {@code cursor} as typed (blank: the start of the feed). */
  @AdminAction
  public void reset(long id, String cursor) {
    SyncState s = syncStates.reset(id, Feed.cursor("cursor", cursor));
    Notices.info("Device '" + s.getDeviceId() + "' of " + s.getUsername()
        + " will sync again from cursor " + s.getCursor());
  }

  @AdminAction
  public void setActive(long id, boolean active) {
    SyncState s = syncStates.setActive(id, active);
    Notices.info("Device '" + s.getDeviceId() + "' of " + s.getUsername() + " is "
        + (s.isActive() ? "active again" : "deactivated"));
  }
}
