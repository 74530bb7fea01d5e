package dev.autowebhook.delivery.boundary;

import dev.autowebhook.audit.boundary.AuditLog;
import dev.autowebhook.delivery.entity.AttemptTrigger;
import dev.autowebhook.delivery.entity.Delivery;
import dev.autowebhook.delivery.entity.DeliveryAttempt;
import dev.autowebhook.delivery.entity.DeliveryStatus;
import dev.autowebhook.outbox.boundary.DeliveriesQueued;
import dev.autowebhook.platform.ConflictException;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.platform.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Inspecting and steering deliveries by hand: filtered lists, attempts, Retry Now (one or many)
 * and move-to-dead-letter. Every action is audited; retries start right after the commit.
 */
@Stateless
public class Deliveries {

  /** The filters of the events list; null means "any". */
  public record Filter(DeliveryStatus status, String model, Long subscriberId,
      OffsetDateTime since, OffsetDateTime until) {}

  /** A page of deliveries and the total count. */
  public record Page(List<Delivery> items, long total, int offset, int limit) {}

  static final Set<DeliveryStatus> RETRYABLE =
      EnumSet.of(DeliveryStatus.FAILED, DeliveryStatus.DEAD, DeliveryStatus.SENT);
  static final Set<DeliveryStatus> BURIABLE =
      EnumSet.of(DeliveryStatus.PENDING, DeliveryStatus.FAILED);

  @PersistenceContext(unitName = "autowebhook")
  EntityManager em;

  @Inject AuditLog audit;
  @Inject Event<DeliveriesQueued> queued;

  /** Whether Retry Now is allowed in this state (not while waiting or being sent). */
  public static boolean canRetry(DeliveryStatus status) {
    return RETRYABLE.contains(status);
  }

  /** Whether the delivery may be moved to the dead-letter queue in this state. */
  public static boolean canBury(DeliveryStatus status) {
    return BURIABLE.contains(status);
  }

  public Page list(Filter f, int offset, int limit) {
    return new Page(items(f, offset, limit), count(f), offset, limit);
  }

  /**
   * One page of {@link #list} without the total (a paging table asks for the count apart). The
   * page's ids come first from the delivery indexes alone; only those rows are then read with their
   * events, so a deep page does not join every row it skips.
   */
  public List<Delivery> items(Filter f, int offset, int limit) {
    if (offset < 0) {
      throw new InvalidInputException("offset", "must be 0 or more");
    }
    if (limit < 1 || limit > 500) {
      throw new InvalidInputException("limit", "must be between 1 and 500");
    }
    Map<String, Object> params = new LinkedHashMap<>();
    TypedQuery<Long> q = em.createQuery("SELECT d.id FROM Delivery d" + join(f)
        + where(f, params) + " ORDER BY d.id DESC", Long.class);
    params.forEach(q::setParameter);
    List<Long> ids = q.setFirstResult(offset).setMaxResults(limit).getResultList();
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery("SELECT d FROM Delivery d JOIN FETCH d.event WHERE d.id IN :ids"
        + " ORDER BY d.id DESC", Delivery.class).setParameter("ids", ids).getResultList();
  }

  /** How many deliveries match the filter. */
  public long count(Filter f) {
    Map<String, Object> params = new LinkedHashMap<>();
    TypedQuery<Long> q = em.createQuery("SELECT COUNT(d) FROM Delivery d" + join(f)
        + where(f, params), Long.class);
    params.forEach(q::setParameter);
    return q.getSingleResult();
  }

  /** The events are joined only to filter by model (every delivery has its event). */
  private static String join(Filter f) {
    return f.model() == null ? "" : " JOIN d.event e";
  }

  private static String where(Filter f, Map<String, Object> params) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (f.status() != null) {
      where.append(" AND d.status = :status");
      params.put("status", f.status());
    }
    if (f.model() != null) {
      where.append(" AND e.model = :model");
      params.put("model", f.model());
    }
    if (f.subscriberId() != null) {
      where.append(" AND d.subscriberId = :subscriber");
      params.put("subscriber", f.subscriberId());
    }
    if (f.since() != null) {
      where.append(" AND d.createdAt >= :since");
      params.put("since", f.since());
    }
    if (f.until() != null) {
      where.append(" AND d.createdAt < :until");
      params.put("until", f.until());
    }
    return where.toString();
  }

  public Delivery get(long id) {
    List<Delivery> found = em.createQuery(
            "SELECT d FROM Delivery d JOIN FETCH d.event WHERE d.id = :id", Delivery.class)
        .setParameter("id", id).getResultList();
    if (found.isEmpty()) {
      throw new NotFoundException("delivery", id);
    }
    return found.get(0);
  }

  public List<DeliveryAttempt> attempts(long id) {
    get(id);
    return em.createNamedQuery("DeliveryAttempt.ofDelivery", DeliveryAttempt.class)
        .setParameter("delivery", id).getResultList();
  }

  /** Retry Now: queues one more attempt at once (trigger manual). */
  public Delivery retry(long id) {
    Delivery d = get(id);
    if (!RETRYABLE.contains(d.getStatus())) {
      throw new ConflictException("delivery " + id + " is " + d.getStatus().key()
          + "; only failed, dead or sent deliveries can be retried");
    }
    d.requeue(AttemptTrigger.MANUAL);
    audit.record("delivery.retry", "delivery", id, "event=" + d.getEvent().getUid());
    queued.fire(DeliveriesQueued.now());
    return d;
  }

  /** Retries many at once; all or nothing. */
  public List<Delivery> retryAll(List<Long> ids) {
    if (ids == null || ids.isEmpty() || ids.size() > 1000) {
      throw new InvalidInputException("ids", "must hold between 1 and 1000 delivery ids");
    }
    if (ids.stream().anyMatch(Objects::isNull)) {
      throw new InvalidInputException("ids", "must not contain null");
    }
    List<Delivery> out = new ArrayList<>();
    for (Long id : ids) {
      out.add(retry(id));
    }
    return out;
  }

  /** Moves a delivery that is waiting to the dead-letter queue. */
  public Delivery bury(long id) {
    Delivery d = get(id);
    if (!BURIABLE.contains(d.getStatus())) {
      throw new ConflictException("delivery " + id + " is " + d.getStatus().key()
          + "; only pending or failed deliveries can be moved to the dead-letter queue");
    }
    d.bury("moved to dead letter by " + audit.actor());
    audit.record("delivery.dead", "delivery", id, "event=" + d.getEvent().getUid());
    return d;
  }

  /** Counts by status, for the stats endpoint and the dashboard. */
  public Map<String, Long> countsByStatus() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (DeliveryStatus s : DeliveryStatus.values()) {
      out.put(s.key(), 0L);
    }
    for (Object[] row : em.createQuery(
        "SELECT d.status, COUNT(d) FROM Delivery d GROUP BY d.status", Object[].class)
        .getResultList()) {
      out.put(((DeliveryStatus) row[0]).key(), (Long) row[1]);
    }
    return out;
  }
}
