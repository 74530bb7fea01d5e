package dev.autowebhook.jobs.cleanup;

import dev.autowebhook.feed.boundary.FeedRetention;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Archives and deletes a chunk of expired events (re-checked in the chunk's transaction). */
@Named
@Dependent
public class EventArchiveWriter extends AbstractItemWriter {

  @Inject FeedRetention retention;
  @Inject @BatchProperty(name = "retention_seconds") String retentionSeconds;
  @Inject @BatchProperty(name = "hard_limit_seconds") String hardLimitSeconds;

  private FeedRetention.Cutoffs cutoffs;

  @Override
  public void open(Serializable checkpoint) {
    cutoffs = ExpiredEventReader.cutoffs(retention, retentionSeconds, hardLimitSeconds);
  }

  @Override
  public void writeItems(List<Object> items) {
    retention.archive(items.stream().map(Long.class::cast).toList(), cutoffs);
  }
}
