package dev.autowebhook.capture.control;

import dev.autowebhook.capture.boundary.Tracked;
import dev.autowebhook.capture.entity.CapturedState;
import dev.autowebhook.capture.entity.ChangeKind;
import dev.autowebhook.capture.entity.EntityChanged;
import dev.autowebhook.platform.Settings;
import dev.autowebhook.records.control.RecordMapper;
import dev.autowebhook.records.control.RecordShape;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * JPA listener of tracked entities. It only snapshots and adds an {@link EntityChanged} to the
 * {@link PendingChanges} of the transaction (never touches the EntityManager), which buffer it for
 * the outbox. A failure here is logged and counted and, unless
 * {@code AUTOWEBHOOK_CAPTURE_FAIL_ON_ERROR=true}, does not break the business write.
 * {@code AUTOWEBHOOK_CAPTURE_ENABLED=false} switches capture off on this node (no snapshot, no
 * event: e.g. for a bulk data migration that must not notify anyone, or to measure what capture
 * costs).
 */
public class ChangeListener {

  private static final Logger LOG = Logger.getLogger(ChangeListener.class.getName());
  private static final AtomicLong FAILURES = new AtomicLong();
  private static final boolean FAIL_ON_ERROR =
      Boolean.parseBoolean(Settings.get("autowebhook.capture.fail-on-error", "false").trim());
  private static final boolean ENABLED =
      Boolean.parseBoolean(Settings.get("autowebhook.capture.enabled", "true").trim());

  static {
    if (!ENABLED) {
      LOG.warning("Change capture is switched OFF on this node (AUTOWEBHOOK_CAPTURE_ENABLED=false):"
          + " business writes create no events");
    }
  }

  /** Looked up once: the registry is one object for the whole server. */
  private static volatile TransactionSynchronizationRegistry registry;

  private static TransactionSynchronizationRegistry registry() {
    TransactionSynchronizationRegistry r = registry;
    if (r == null) {
      try {
        r = InitialContext.doLookup("java:comp/TransactionSynchronizationRegistry");
      } catch (NamingException e) {
        throw new IllegalStateException("no transaction synchronization registry", e);
      }
      registry = r;
    }
    return r;
  }

  /** Capture failures since start (exposed as a metric by {@link CaptureMeters}). */
  public static long failures() {
    return FAILURES.get();
  }

  /** Re-takes the baseline of a loaded record, e.g. after its lines were loaded for an edit. */
  public static void baseline(Object entity) {
    if (ENABLED && entity instanceof CapturedState cs) {
      cs.capturedState(RecordMapper.snapshot(entity));
    }
  }

  static String model(Object entity) {
    Tracked t = entity.getClass().getAnnotation(Tracked.class);
    return t == null ? null : t.value();
  }

  @PostLoad
  void loaded(Object entity) {
    if (ENABLED && entity instanceof CapturedState cs && model(entity) != null) {
      guard(() -> cs.capturedState(RecordMapper.snapshot(entity)));
    }
  }

  @PostPersist
  void created(Object entity) {
    capture(entity, ChangeKind.CREATE);
  }

  @PostUpdate
  void updated(Object entity) {
    capture(entity, ChangeKind.UPDATE);
  }

  @PostRemove
  void removed(Object entity) {
    capture(entity, ChangeKind.DELETE);
  }

  private void capture(Object entity, ChangeKind kind) {
    String model = model(entity);
    if (model == null || !ENABLED) {
      return;
    }
    guard(() -> {
      Map<String, Object> before = entity instanceof CapturedState cs ? cs.capturedState() : null;
      Map<String, Object> after = kind == ChangeKind.DELETE ? null : RecordMapper.snapshot(entity);
      if (kind == ChangeKind.DELETE && before == null) {
        before = RecordMapper.snapshot(entity);
      }
      if (entity instanceof CapturedState cs) {
        cs.capturedState(after);
      }
      Object id = RecordShape.of(entity.getClass()).idOf(entity);
      PendingChanges.of(registry()).add(new EntityChanged(model, String.valueOf(id), kind,
          kind == ChangeKind.CREATE ? null : before, after));
    });
  }

  private static void guard(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      FAILURES.incrementAndGet();
      LOG.log(Level.SEVERE, "Change capture failed: " + e, e);
      if (FAIL_ON_ERROR) {
        throw e;
      }
    }
  }
}
