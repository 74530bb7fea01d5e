package dev.autowebhook.jobs.cleanup;

import dev.autowebhook.audit.boundary.AuditRetention;
import dev.autowebhook.jobs.IdReader;
import dev.autowebhook.operations.boundary.Jobs;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** Audit lines past their retention; fixes the step's cut-off (the writer's too) when it opens. */
@Named
@Dependent
public class ExpiredAuditReader extends IdReader {

  @Inject AuditRetention retention;
  @Inject StepContext step;
  @Inject @BatchProperty(name = "audit_days") String auditDays;

  private Instant cutoff;

  @Override
  public void open(Serializable checkpoint) {
    super.open(checkpoint);
    cutoff = retention.cutoff(Jobs.number("audit_days", auditDays));
    step.setTransientUserData(cutoff);
  }

  @Override
  protected List<Long> page(long afterId, int size) {
    return retention.expired(afterId, size, cutoff);
  }
}
