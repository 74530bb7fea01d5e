package dev.autowebhook.feed.boundary;

import dev.autowebhook.audit.boundary.AuditLog;
import dev.autowebhook.feed.control.AppModels;
import dev.autowebhook.feed.entity.AppType;
import dev.autowebhook.feed.entity.SyncState;
import dev.autowebhook.platform.ConflictException;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.platform.NotFoundException;
import dev.autowebhook.platform.Time;
import dev.autowebhook.platform.Validation;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Validator;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Smart Sync: the state of each (user, device) — registered on first contact, its cursor moved
 * forward by acknowledgements (never backwards, unless explicitly reset), deactivated and
 * activated, and counted per user and per app type.
 */
@Stateless
public class SyncStates {

  /** Devices and traffic of one user or one app type. */
  public record Stat(String key, long devices, long activeDevices, long syncs, long eventsSynced,
      OffsetDateTime lastSyncAt) {}

  /** Statistics per user and per app type. */
  public record Stats(List<Stat> byUser, List<Stat> byAppType) {}

  @PersistenceContext(unitName = "autowebhook")
  EntityManager em;

  @Inject Validator validator;
  @Inject AuditLog audit;
  @Inject AppModels appModels;
  @Inject Feed feed;

  /** The device's state, created on first contact; later calls update its description. */
  public SyncState register(String username, String deviceId, AppType appType, String deviceInfo,
      String appVersion) {
    SyncState s = byDevice(username, deviceId);
    OffsetDateTime now = Time.now();
    if (s == null) {
      s = new SyncState(username, deviceId, now);
      s.describe(appType, deviceInfo, appVersion, now);
      Validation.check(validator, s, new ArrayList<>());
      em.persist(s);
      em.flush();
      audit.record("sync.register", "sync_state", s.getId(), "user=" + username + " device="
          + deviceId + " app_type=" + s.getAppType().key());
    } else {
      s.describe(appType, deviceInfo, appVersion, now);
      Validation.check(validator, s, new ArrayList<>());
    }
    return s;
  }

  public SyncState byDevice(String username, String deviceId) {
    return em.createNamedQuery("SyncState.byDevice", SyncState.class)
        .setParameter("username", username).setParameter("device", deviceId)
        .getResultStream().findFirst().orElse(null);
  }

  public SyncState get(long id) {
    SyncState s = em.find(SyncState.class, id);
    if (s == null) {
      throw new NotFoundException("sync state", id);
    }
    return s;
  }

  /**
   * @param username null: every user's devices
   * @param active null: active and deactivated devices
   */
  public List<SyncState> list(String username, AppType appType, Boolean active) {
    StringBuilder jpql = new StringBuilder("SELECT s FROM SyncState s WHERE 1 = 1");
    if (username != null) {
      jpql.append(" AND s.username = :username");
    }
    if (appType != null) {
      jpql.append(" AND s.appType = :appType");
    }
    jpql.append(" ORDER BY s.username, s.deviceId");
    TypedQuery<SyncState> q = em.createQuery(jpql.toString(), SyncState.class);
    if (username != null) {
      q.setParameter("username", username);
    }
    if (appType != null) {
      q.setParameter("appType", appType);
    }
    // the state is filtered here, not compared in JPQL: EclipseLink binds a boolean as 1 on H2,
    // which H2 2.x refuses to compare with a BOOLEAN column (EclipseLink issue 1578)
    return q.getResultStream().filter(s -> active == null || s.isActive() == active).toList();
  }

  /** The models a device receives (empty: all). */
  public Set<String> models(SyncState s) {
    return appModels.models(s.getAppType());
  }

  /**
   * Acknowledges everything up to {@code cursor}: the device's cursor moves forward, and the
   * events of its models in between are counted as synced.
   */
  public SyncState acknowledge(long id, long cursor) {
    SyncState s = get(id);
    if (!s.isActive()) {
      throw new ConflictException("device '" + s.getDeviceId() + "' is deactivated");
    }
    if (cursor < s.getCursor()) {
      throw new ConflictException("cursor " + cursor + " is behind the device's cursor "
          + s.getCursor() + "; a cursor only moves forward (use reset to go back)");
    }
    long head = feed.head();
    if (cursor > head) {
      throw new InvalidInputException("cursor", "is beyond the end of the feed (" + head + ")");
    }
    s.advance(cursor, feed.count(s.getCursor(), cursor, models(s)), Time.now());
    return s;
  }

  /** Puts the cursor back (or forward) explicitly, e.g. to make a device sync again. */
  public SyncState reset(long id, long cursor) {
    SyncState s = get(id);
    long head = feed.head();
    if (cursor > head) {
      throw new InvalidInputException("cursor", "is beyond the end of the feed (" + head + ")");
    }
    long from = s.getCursor();
    s.reset(cursor, Time.now());
    audit.record("sync.reset", "sync_state", id, "device=" + s.getDeviceId() + " cursor " + from
        + " -> " + cursor);
    return s;
  }

  public SyncState setActive(long id, boolean active) {
    SyncState s = get(id);
    if (s.isActive() != active) {
      s.setActive(active, Time.now());
      audit.record(active ? "sync.activate" : "sync.deactivate", "sync_state", id,
          "user=" + s.getUsername() + " device=" + s.getDeviceId());
    }
    return s;
  }

  /** @param username null: all users */
  public Stats stats(String username) {
    return new Stats(stat("s.username", username), stat("s.appType", username));
  }

  /**
   * Grouped by key and state, the active devices counted here: a boolean compared in JPQL
   * ({@code CASE WHEN s.active = TRUE}) is rendered {@code ACTIVE = 1} on H2, which H2 2.x refuses.
   */
  private List<Stat> stat(String key, String username) {
    TypedQuery<Object[]> q = em.createQuery("SELECT " + key + ", s.active, COUNT(s),"
        + " SUM(s.syncCount), SUM(s.eventsSynced), MAX(s.lastSyncAt) FROM SyncState s"
        + (username == null ? "" : " WHERE s.username = :username")
        + " GROUP BY " + key + ", s.active ORDER BY " + key, Object[].class);
    if (username != null) {
      q.setParameter("username", username);
    }
    Map<String, Stat> out = new LinkedHashMap<>();
    for (Object[] r : q.getResultList()) {
      String k = r[0] instanceof AppType t ? t.key() : String.valueOf(r[0]);
      long devices = num(r[2]);
      Stat row = new Stat(k, devices, Boolean.TRUE.equals(r[1]) ? devices : 0, num(r[3]),
          num(r[4]), (OffsetDateTime) r[5]);
      out.merge(k, row, SyncStates::sum);
    }
    return List.copyOf(out.values());
  }

  private static Stat sum(Stat a, Stat b) {
    OffsetDateTime last = a.lastSyncAt() == null
        || b.lastSyncAt() != null && b.lastSyncAt().isAfter(a.lastSyncAt())
        ? b.lastSyncAt() : a.lastSyncAt();
    return new Stat(a.key(), a.devices() + b.devices(), a.activeDevices() + b.activeDevices(),
        a.syncs() + b.syncs(), a.eventsSynced() + b.eventsSynced(), last);
  }

  private static long num(Object o) {
    return o == null ? 0 : ((Number) o).longValue();
  }
}
