package dev.autowebhook.jobs.replay;

import dev.autowebhook.delivery.boundary.Replays;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Queues a chunk of events again for the replay's subscribers (trigger replay). */
@Named
@Dependent
public class ReplayWriter extends AbstractItemWriter {

  @Inject Replays replays;
  @Inject @BatchProperty String from;
  @Inject @BatchProperty String to;
  @Inject @BatchProperty String models;
  @Inject @BatchProperty String subscribers;

  private Replays.Scope scope;

  @Override
  public void open(Serializable checkpoint) {
    scope = replays.scope(from, to, models, subscribers);
  }

  @Override
  public void writeItems(List<Object> items) {
    replays.replay(items.stream().map(Long.class::cast).toList(), scope);
  }
}
