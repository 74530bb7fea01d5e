package dev.autowebhook.admin.feed;

import dev.autowebhook.feed.boundary.Feed;
import dev.autowebhook.feed.boundary.SyncStates;
import dev.autowebhook.feed.entity.AppType;
import dev.autowebhook.feed.entity.SyncState;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The devices of Smart Sync ({@code admin/sync-states.xhtml}): filtered like the REST list, with
 * the per-user and per-app-type statistics; admins reset a cursor or (de)activate a device through
 * {@link SyncStates}, which audits each change.
 */
@Named
@ViewScoped
public class SyncStatesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject SyncStates syncStates;
  @Inject Feed feed;
  @Inject SyncStateActions actions;

  private String username;
  private String appType;
  private String active;
  private transient List<SyncState> states;
  private transient SyncStates.Stats stats;
  private Long resettingId;
  private String resettingDevice;
  private String resetCursor = "0";

  public List<SyncState> getStates() {
    if (states == null) {
      states = syncStates.list(username == null ? null : username.trim(),
          appType == null ? null : AppType.of(appType),
          active == null ? null : Boolean.valueOf(active));
    }
    return states;
  }

  public SyncStates.Stats getStats() {
    if (stats == null) {
      stats = syncStates.stats(null);
    }
    return stats;
  }

  /** The models a device receives, or "all models". */
  public String models(SyncState s) {
    List<String> m = syncStates.models(s).stream().sorted().toList();
    return m.isEmpty() ? "all models" : String.join(", ", m);
  }

  public void search() {
    states = null;
  }

  /** Opens the reset dialog for this device. */
  public void pickForReset(SyncState s) {
    resettingId = s.getId();
    resettingDevice = "'" + s.getDeviceId() + "' of " + s.getUsername() + " (now at cursor "
        + s.getCursor() + ")";
    resetCursor = "0";
  }

  public void reset() {
    actions.reset(resettingId, resetCursor);
    refresh();
  }

  public void toggleActive(SyncState s) {
    actions.setActive(s.getId(), !s.isActive());
    refresh();
  }

  private void refresh() {
    states = null;
    stats = null;
  }

  public long getFeedHead() {
    return feed.head();
  }

  public List<String> getAppTypes() {
    return Arrays.stream(AppType.values()).map(AppType::key).toList();
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getAppType() {
    return appType;
  }

  public void setAppType(String appType) {
    this.appType = appType;
  }

  public String getActive() {
    return active;
  }

  public void setActive(String active) {
    this.active = active;
  }

  public String getResettingDevice() {
    return resettingDevice;
  }

  public String getResetCursor() {
    return resetCursor;
  }

  public void setResetCursor(String resetCursor) {
    this.resetCursor = resetCursor;
  }
}
