package dev.autowebhook.admin.operations;

import dev.autowebhook.admin.AdminAction;
import dev.autowebhook.admin.Notices;
import dev.autowebhook.operations.boundary.JobRun;
import dev.autowebhook.operations.boundary.Jobs;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The job actions of the page, guarded by {@link AdminAction} (a request-scoped bean of its own:
 * the interceptor cannot sit on the view-scoped page bean).
 */
@RequestScoped
public class JobActions {

  @Inject Jobs jobs;

  /** Starts a job with its configured defaults. */
  @AdminAction
  public JobRun run(String job) {
    return started(jobs.start(job, Map.of()));
  }

  /** Starts a replay; blank fields are left to their defaults. */
  @AdminAction
  public JobRun replay(String from, String to, String models, String subscribers) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("from", from);
    p.put("to", to);
    p.put("models", models);
    p.put("subscribers", subscribers);
    return started(jobs.start("replay", p));
  }

  @AdminAction
  public JobRun restart(long id) {
    return started(jobs.restart(id));
  }

  @AdminAction
  public JobRun stop(long id) {
    JobRun r = jobs.stop(id);
    Notices.info("Execution " + id + " of " + r.job() + " stops after its current chunk");
    return r;
  }

  private static JobRun started(JobRun r) {
    Notices.info("Started " + r.job() + " (execution " + r.id() + ")");
    return r;
  }
}
