package dev.autowebhook.api.feed;

import dev.autowebhook.feed.entity.SyncState;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** A device's sync state as the API shows it; {@code models} is empty when it receives all. */
public record SyncStateOut(Long id, String username, String deviceId, String appType,
    String deviceInfo, String appVersion, String cursor, OffsetDateTime lastSyncAt, long syncCount,
    long eventsSynced, boolean active, List<String> models, OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  static SyncStateOut of(SyncState s, Set<String> models) {
    return new SyncStateOut(s.getId(), s.getUsername(), s.getDeviceId(), s.getAppType().key(),
        s.getDeviceInfo(), s.getAppVersion(), Long.toString(s.getCursor()), s.getLastSyncAt(),
        s.getSyncCount(), s.getEventsSynced(), s.isActive(), models.stream().sorted().toList(),
        s.getCreatedAt(), s.getUpdatedAt());
  }
}
