package dev.autowebhook.jobs.replay;

import dev.autowebhook.delivery.boundary.Replays;
import dev.autowebhook.jobs.IdReader;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The events of the replay's time range and models; fixes the step's scope when it opens. */
@Named
@Dependent
public class ReplayEventReader extends IdReader {

  @Inject Replays replays;
  @Inject StepContext step;
  @Inject @BatchProperty String from;
  @Inject @BatchProperty String to;
  @Inject @BatchProperty String models;
  @Inject @BatchProperty String subscribers;

  private Replays.Scope scope;

  @Override
  public void open(Serializable checkpoint) {
    super.open(checkpoint);
    scope = replays.scope(from, to, models, subscribers);
    step.setTransientUserData(scope);
  }

  @Override
  protected List<Long> page(long afterId, int size) {
    return replays.events(afterId, size, scope);
  }
}
