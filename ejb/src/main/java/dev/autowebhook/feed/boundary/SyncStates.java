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
import java.util.List;
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

  /** @param username null: every user's devices */
  public List<SyncState> list(String username, AppType appType, Boolean active) {
    StringBuilder jpql = new StringBuilder("SELECT s FROM SyncState s WHERE 1 = 1");
    if (username != null) {
      jpql.append(" AND s.username = :username");
    }
    if (appType != null) {
      jpql.append(" AND s.appType = :appType");
    }
    if (active != null) {
      jpql.append(" AND s.active = :active");
    }
    jpql.append(" ORDER BY s.username, s.deviceId");
    TypedQuery<SyncState> q = em.createQuery(jpql.toString(), SyncState.class);
    if (username != null) {
      q.setParameter("username", username);
    }
    if (appType != null) {
      q.setParameter("appType", appType);
    }
    if (active != null) {
      q.setParameter("active", active);
    }
    return q.getResultList();
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

  private List<Stat> stat(String key, String username) {
    TypedQuery<Object[]> q = em.createQuery("SELECT " + key + ", COUNT(s),"
        + " SUM(CASE WHEN s.active = TRUE THEN 1 ELSE 0 END), SUM(s.syncCount),"
        + " SUM(s.eventsSynced), MAX(s.lastSyncAt) FROM SyncState s"
        + (username == null ? "" : " WHERE s.username = :username")
        + " GROUP BY " + key + " ORDER BY " + key, Object[].class);
    if (username != null) {
      q.setParameter("username", username);
    }
    List<Stat> out = new ArrayList<>();
    for (Object[] r : q.getResultList()) {
      String k = r[0] instanceof AppType t ? t.key() : String.valueOf(r[0]);
      out.add(new Stat(k, num(r[1]), num(r[2]), num(r[3]), num(r[4]), (OffsetDateTime) r[5]));
    }
    return out;
  }

  private static long num(Object o) {
    return o == null ? 0 : ((Number) o).longValue();
  }
}
