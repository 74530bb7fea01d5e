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
    StringBuilder jpql = new StringBuilder("SELECT a FROM AuditRecord a WHERE 1 = 1");
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
    jpql.append(" ORDER BY a.id DESC");
    TypedQuery<AuditRecord> q = em.createQuery(jpql.toString(), AuditRecord.class);
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
    return q.setFirstResult(offset).setMaxResults(limit).getResultList();
  }
}
