package dev.autowebhook.jobs.cleanup;

import dev.autowebhook.audit.boundary.AuditRetention;
import dev.autowebhook.jobs.IdReader;
import dev.autowebhook.operations.boundary.Jobs;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Audit lines past their retention. */
@Named
@Dependent
public class ExpiredAuditReader extends IdReader {

  @Inject AuditRetention retention;
  @Inject @BatchProperty(name = "audit_days") String auditDays;

  private Instant cutoff;

  @Override
  public void open(Serializable checkpoint) {
    super.open(checkpoint);
    cutoff = cutoff(retention, auditDays);
  }

  @Override
  protected List<Long> page(long afterId, int size) {
    return retention.expired(afterId, size, cutoff);
  }

  static Instant cutoff(AuditRetention r, String days) {
    return r.cutoff(Jobs.number(days == null ? Map.of() : Map.of("audit_days", days),
        "audit_days"));
  }
}
