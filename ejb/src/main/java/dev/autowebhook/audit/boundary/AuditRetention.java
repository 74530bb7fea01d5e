package dev.autowebhook.audit.boundary;

import dev.autowebhook.platform.Time;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Audit retention (the {@code audit-cleanup} job): audit lines older than
 * {@code autowebhook.retention.audit-days} (180) are deleted, a chunk of ids at a time.
 */
@Stateless
public class AuditRetention {

  @PersistenceContext(unitName = "autowebhook")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "autowebhook.retention.audit-days", defaultValue = "180")
  long auditDays;

  /** Lines before this instant go: the configured age, or the given one (days) from now. */
  public Instant cutoff(Long days) {
    return Time.daysAgo("audit_days", days, auditDays);
  }

  /** Ids of expired lines in id order after {@code afterId}. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public List<Long> expired(long afterId, int limit, Instant cutoff) {
    return em.createQuery("SELECT a.id FROM AuditRecord a WHERE a.id > :after"
            + " AND a.occurredAt < :cutoff ORDER BY a.id", Long.class)
        .setParameter("after", afterId).setParameter("cutoff", utc(cutoff))
        .setMaxResults(limit).getResultList();
  }

  /** Deletes these lines (those still older than the cut-off), in a transaction of its own. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int delete(List<Long> ids, Instant cutoff) {
    if (ids.isEmpty()) {
      return 0;
    }
    return em.createQuery("DELETE FROM AuditRecord a WHERE a.id IN :ids"
            + " AND a.occurredAt < :cutoff")
        .setParameter("ids", ids).setParameter("cutoff", utc(cutoff)).executeUpdate();
  }

  private static OffsetDateTime utc(Instant i) {
    return i.atOffset(ZoneOffset.UTC);
  }
}
