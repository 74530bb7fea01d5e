package dev.autowebhook.jobs.cleanup;

import dev.autowebhook.feed.boundary.FeedRetention;
import dev.autowebhook.jobs.IdReader;
import dev.autowebhook.operations.boundary.Jobs;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Events past their retention that the status rules let go (see {@link FeedRetention}); fixes the
 * step's cut-offs (the writer's too) when it opens.
 */
@Named
@Dependent
public class ExpiredEventReader extends IdReader {

  @Inject FeedRetention retention;
  @Inject StepContext step;
  @Inject @BatchProperty(name = "retention_seconds") String retentionSeconds;
  @Inject @BatchProperty(name = "hard_limit_seconds") String hardLimitSeconds;

  private FeedRetention.Cutoffs cutoffs;

  @Override
  public void open(Serializable checkpoint) {
    super.open(checkpoint);
    cutoffs = retention.cutoffs(Jobs.number("retention_seconds", retentionSeconds),
        Jobs.number("hard_limit_seconds", hardLimitSeconds));
    step.setTransientUserData(cutoffs);
  }

  @Override
  protected List<Long> page(long afterId, int size) {
    return retention.expired(afterId, size, cutoffs);
  }
}
