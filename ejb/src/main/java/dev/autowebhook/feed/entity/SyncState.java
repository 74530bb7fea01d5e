package dev.autowebhook.feed.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * What one device of one user has synced: its cursor (a feed position), when and how often it
 * synced, how many events it took, and whether it is active. One row per (user, device).
 */
@Entity
@Table(name = "aw_sync_state")
@NamedQuery(name = "SyncState.byDevice", query = "SELECT s FROM SyncState s"
    + " WHERE s.username = :username AND s.deviceId = :device")
public class SyncState {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "aw_seq")
  @SequenceGenerator(name = "aw_seq", sequenceName = "aw_seq", allocationSize = 1000)
  private Long id;

  @Version private long version;

  @Column(nullable = false, updatable = false)
  private String username;

  @NotBlank(message = "is required")
  @Size(max = 100, message = "must be at most 100 characters")
  @Pattern(regexp = "[A-Za-z0-9._:@-]*", message = "may contain letters, digits and . _ : @ - only")
  @Column(name = "device_id", nullable = false, updatable = false)
  private String deviceId;

  @Enumerated(EnumType.STRING)
  @Column(name = "app_type", nullable = false)
  private AppType appType = AppType.MOBILE;

  @Size(max = 500, message = "must be at most 500 characters")
  @Column(name = "device_info")
  private String deviceInfo;

  @Size(max = 50, message = "must be at most 50 characters")
  @Column(name = "app_version")
  private String appVersion;

  @Column(name = "cursor_pos", nullable = false)
  private long cursor;

  @Column(name = "last_sync_at")
  private OffsetDateTime lastSyncAt;

  @Column(name = "sync_count", nullable = false)
  private long syncCount;

  @Column(name = "events_synced", nullable = false)
  private long eventsSynced;

  private boolean active = true;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected SyncState() {}

  public SyncState(String username, String deviceId, OffsetDateTime now) {
    this.username = username;
    this.deviceId = deviceId;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Moves the cursor forward after a sync of {@code events} events. */
  public void advance(long to, long events, OffsetDateTime now) {
    if (to < cursor) {
      throw new IllegalArgumentException("a cursor never moves backwards");
    }
    cursor = to;
    eventsSynced += events;
    syncCount++;
    lastSyncAt = now;
    updatedAt = now;
  }

  /** Puts the cursor where an admin or the device says, backwards too (an explicit reset). */
  public void reset(long to, OffsetDateTime now) {
    cursor = to;
    updatedAt = now;
  }

  public void setActive(boolean active, OffsetDateTime now) {
    this.active = active;
    this.updatedAt = now;
  }

  public void describe(AppType appType, String deviceInfo, String appVersion, OffsetDateTime now) {
    if (appType != null) {
      this.appType = appType;
    }
    if (deviceInfo != null) {
      this.deviceInfo = deviceInfo;
    }
    if (appVersion != null) {
      this.appVersion = appVersion;
    }
    this.updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getDeviceId() {
    return deviceId;
  }

  public AppType getAppType() {
    return appType;
  }

  public String getDeviceInfo() {
    return deviceInfo;
  }

  public String getAppVersion() {
    return appVersion;
  }

  public long getCursor() {
    return cursor;
  }

  public OffsetDateTime getLastSyncAt() {
    return lastSyncAt;
  }

  public long getSyncCount() {
    return syncCount;
  }

  public long getEventsSynced() {
    return eventsSynced;
  }

  public boolean isActive() {
    return active;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }
}
