package dev.autowebhook.jobs.cleanup;

import dev.autowebhook.feed.boundary.FeedRetention;
import dev.autowebhook.jobs.IdReader;
import dev.autowebhook.operations.boundary.Jobs;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Events past their retention that the status rules let go (see {@link FeedRetention}). */
@Named
@Dependent
public class ExpiredEventReader extends IdReader {

  @Inject FeedRetention retention;
  @Inject @BatchProperty(name = "retention_seconds") String retentionSeconds;
  @Inject @BatchProperty(name = "hard_limit_seconds") String hardLimitSeconds;

  private FeedRetention.Cutoffs cutoffs;

  @Override
  public void open(Serializable checkpoint) {
    super.open(checkpoint);
    cutoffs = cutoffs(retention, retentionSeconds, hardLimitSeconds);
  }

  @Override
  protected List<Long> page(long afterId, int size) {
    return retention.expired(afterId, size, cutoffs);
  }

  static FeedRetention.Cutoffs cutoffs(FeedRetention r, String retention, String hardLimit) {
    Map<String, String> p = new HashMap<>();
    if (retention != null) {
      p.put("retention_seconds", retention);
    }
    if (hardLimit != null) {
      p.put("hard_limit_seconds", hardLimit);
    }
    return r.cutoffs(Jobs.number(p, "retention_seconds"), Jobs.number(p, "hard_limit_seconds"));
  }
}
