package dev.autowebhook.jobs.cleanup;

import dev.autowebhook.audit.boundary.AuditRetention;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** Deletes a chunk of expired audit lines. */
@Named
@Dependent
public class AuditPurgeWriter extends AbstractItemWriter {

  @Inject AuditRetention retention;
  @Inject @BatchProperty(name = "audit_days") String auditDays;

  private Instant cutoff;

  @Override
  public void open(Serializable checkpoint) {
    cutoff = ExpiredAuditReader.cutoff(retention, auditDays);
  }

  @Override
  public void writeItems(List<Object> items) {
    retention.delete(items.stream().map(Long.class::cast).toList(), cutoff);
  }
}
