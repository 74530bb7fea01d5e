package dev.autowebhook.jobs.replay;

import dev.autowebhook.delivery.boundary.Replays;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Queues a chunk of events again for the subscribers of the reader's scope (trigger replay). */
@Named
@Dependent
public class ReplayWriter extends AbstractItemWriter {

  @Inject Replays replays;
  @Inject StepContext step;

  @Override
  public void writeItems(List<Object> items) {
    replays.replay(items.stream().map(Long.class::cast).toList(),
        (Replays.Scope) step.getTransientUserData());
  }
}
