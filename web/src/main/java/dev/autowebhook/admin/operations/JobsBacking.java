package dev.autowebhook.admin.operations;

import dev.autowebhook.operations.boundary.JobRun;
import dev.autowebhook.operations.boundary.Jobs;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The batch jobs ({@code admin/jobs.xhtml}): what each does, Run now for the cleanup jobs, the
 * replay form, and the recent executions with their step counts (refreshed by a poll while one
 * runs); admins act through {@link JobActions}.
 */
@Named
@ViewScoped
public class JobsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Jobs jobs;
  @Inject JobActions actions;

  private String from;
  private String to;
  private String models;
  private String subscribers;
  private transient List<JobRun> executions;

  public List<Jobs.Definition> getDefinitions() {
    return jobs.definitions();
  }

  public List<JobRun> getExecutions() {
    if (executions == null) {
      executions = jobs.executions(null, 50);
    }
    return executions;
  }

  /** Whether an execution is still going (the page then polls). */
  public boolean isRunning() {
    return getExecutions().stream().anyMatch(r -> !r.done());
  }

  /** The status badge's colour: the delivery statuses' palette. */
  public String statusClass(JobRun run) {
    return switch (run.status()) {
      case "completed" -> "aw-status-sent";
      case "failed" -> "aw-status-dead";
      case "stopped", "stopping", "abandoned" -> "aw-status-inactive";
      default -> "aw-status-pending";
    };
  }

  /** A step's counts as "read 3 · write 3 · commit 1". */
  public String counts(JobRun run) {
    return run.steps().stream().map(s -> s.counts().entrySet().stream()
            .filter(e -> List.of("read", "write", "commit", "rollback").contains(e.getKey()))
            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(" · ")))
        .collect(Collectors.joining("; "));
  }

  /** What Run now asks before it starts the job. */
  public String confirmation(Jobs.Definition d) {
    return Jobs.MASTER_KEY_ROTATION.equals(d.name())
        ? "Re-encrypt every stored secret under the current master key now?"
        : "Run " + d.name() + " now with the configured retention?";
  }

  /**
   * The exit status when it says more than the status (e.g. how many secrets a master key
   * rotation re-encrypted), else null.
   */
  public String outcome(JobRun run) {
    String exit = run.exitStatus();
    return exit == null || exit.equalsIgnoreCase(run.status()) ? null : exit;
  }

  /** The parameters an execution was started with, as "a=1, b=2". */
  public String parameters(JobRun run) {
    return run.parameters().entrySet().stream().map(Map.Entry::toString)
        .collect(Collectors.joining(", "));
  }

  public void run(String job) {
    if (actions.run(job) != null) {
      refresh();
    }
  }

  public void replay() {
    if (actions.replay(from, to, models, subscribers) != null) {
      from = null;
      to = null;
      models = null;
      subscribers = null;
      refresh();
    }
  }

  public void restart(JobRun run) {
    if (actions.restart(run.id()) != null) {
      refresh();
    }
  }

  public void stop(JobRun run) {
    if (actions.stop(run.id()) != null) {
      refresh();
    }
  }

  public void refresh() {
    executions = null;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getModels() {
    return models;
  }

  public void setModels(String models) {
    this.models = models;
  }

  public String getSubscribers() {
    return subscribers;
  }

  public void setSubscribers(String subscribers) {
    this.subscribers = subscribers;
  }
}
