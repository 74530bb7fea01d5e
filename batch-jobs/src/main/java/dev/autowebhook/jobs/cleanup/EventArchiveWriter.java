package dev.autowebhook.jobs.cleanup;

import dev.autowebhook.feed.boundary.FeedRetention;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Archives and deletes a chunk of expired events (re-checked when archived) with the cut-offs the
 * reader fixed for this step.
 */
@Named
@Dependent
public class EventArchiveWriter extends AbstractItemWriter {

  @Inject FeedRetention retention;
  @Inject StepContext step;

  @Override
  public void writeItems(List<Object> items) {
    retention.archive(items.stream().map(Long.class::cast).toList(),
        (FeedRetention.Cutoffs) step.getTransientUserData());
  }
}
