package dev.autowebhook.jobs.cleanup;

import dev.autowebhook.audit.boundary.AuditRetention;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;

/** Deletes a chunk of expired audit lines (those still older than the reader's cut-off). */
@Named
@Dependent
public class AuditPurgeWriter extends AbstractItemWriter {

  @Inject AuditRetention retention;
  @Inject StepContext step;

  @Override
  public void writeItems(List<Object> items) {
    retention.delete(items.stream().map(Long.class::cast).toList(),
        (Instant) step.getTransientUserData());
  }
}
