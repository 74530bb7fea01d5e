package dev.autowebhook.jobs.replay;

import dev.autowebhook.delivery.boundary.Replays;
import dev.autowebhook.jobs.IdReader;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The events of the replay's time range and models. */
@Named
@Dependent
public class ReplayEventReader extends IdReader {

  @Inject Replays replays;
  @Inject @BatchProperty String from;
  @Inject @BatchProperty String to;
  @Inject @BatchProperty String models;
  @Inject @BatchProperty String subscribers;

  private Replays.Scope scope;

  @Override
  public void open(Serializable checkpoint) {
    super.open(checkpoint);
    scope = replays.scope(from, to, models, subscribers);
  }

  @Override
  protected List<Long> page(long afterId, int size) {
    return replays.events(afterId, size, scope);
  }
}
