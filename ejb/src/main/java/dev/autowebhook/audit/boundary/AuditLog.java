package dev.autowebhook.audit.boundary;

import dev.autowebhook.platform.Time;
import dev.autowebhook.audit.entity.AuditRecord;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Records admin actions with the calling user, in the caller's transaction (an action that rolls
 * back leaves no audit line), and searches them.
 */
@Stateless
public class AuditLog {

  @PersistenceContext(unitName = "autowebhook")
  EntityManager em;

  @Resource SessionContext session;

  public void record(String action, String targetType, Object targetId, String detail) {
    em.persist(new AuditRecord(Time.now(), actor(), action, targetType,
        targetId == null ? null : String.valueOf(targetId), detail));
  }

  public String actor() {
    try {
      var p = session.getCallerPrincipal();
      return p == null || p.getName() == null || p.getName().equals("ANONYMOUS") ? "system"
          : p.getName();
    } catch (IllegalStateException e) {
      return "system";
    }
  }

  public List<AuditRecord> search(String actor, String action, String targetType,
      OffsetDateTime since, OffsetDateTime until, int offset, int limit) {
    return filtered("SELECT a", " ORDER BY a.id DESC", AuditRecord.class, actor, action,
        targetType, since, until).setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  /** How many lines {@link #search} finds with these filters (for a paginator). */
  public long count(String actor, String action, String targetType, OffsetDateTime since,
      OffsetDateTime until) {
    return filtered("SELECT COUNT(a)", "", Long.class, actor, action, targetType, since, until)
        .getSingleResult();
  }

  /** The actions recorded so far, for a search form's suggestions. */
  public List<String> actions() {
    return em.createQuery("SELECT DISTINCT a.action FROM AuditRecord a ORDER BY a.action",
        String.class).getResultList();
  }

  /** The target types recorded so far, for a search form's suggestions. */
  public List<String> targetTypes() {
    return em.createQuery("SELECT DISTINCT a.targetType FROM AuditRecord a"
        + " WHERE a.targetType IS NOT NULL ORDER BY a.targetType", String.class).getResultList();
  }

  private <T> TypedQuery<T> filtered(String select, String order, Class<T> type, String actor,
      String action, String targetType, OffsetDateTime since, OffsetDateTime until) {
    StringBuilder jpql = new StringBuilder(select).append(" FROM AuditRecord a WHERE 1 = 1");
    if (actor != null) {
      jpql.append(" AND a.actor = :actor");
    }
    if (action != null) {
      jpql.append(" AND a.action = :action");
    }
    if (targetType != null) {
      jpql.append(" AND a.targetType = :targetType");
    }
    if (since != null) {
      jpql.append(" AND a.occurredAt >= :since");
    }
    if (until != null) {
      jpql.append(" AND a.occurredAt < :until");
    }
    TypedQuery<T> q = em.createQuery(jpql.append(order).toString(), type);
    if (actor != null) {
      q.setParameter("actor", actor);
    }
    if (action != null) {
      q.setParameter("action", action);
    }
    if (targetType != null) {
      q.setParameter("targetType", targetType);
    }
    if (since != null) {
      q.setParameter("since", since);
    }
    if (until != null) {
      q.setParameter("until", until);
    }
    return q;
  }
}
