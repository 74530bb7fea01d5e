package dev.autowebhook.operations.boundary;

import dev.autowebhook.audit.boundary.AuditLog;
import dev.autowebhook.audit.boundary.AuditRetention;
import dev.autowebhook.delivery.boundary.Replays;
import dev.autowebhook.feed.boundary.EventArchive;
import dev.autowebhook.feed.boundary.FeedRetention;
import dev.autowebhook.platform.ConflictException;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.platform.InvalidInputException.Violation;
import dev.autowebhook.platform.NotFoundException;
import dev.autowebhook.platform.Time;
import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The batch jobs: what each is for and takes, starting one (its parameters checked by the
 * feature that owns the work, so a bad request is a 400 before anything runs), its executions,
 * restart and stop. Outside transactions: the batch runtime keeps its own job repository.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Jobs {

  /** A job the application defines (its XML is {@code META-INF/batch-jobs/<name>.xml}). */
  public record Definition(String name, String description, Map<String, String> parameters) {}

  static final int MAX_LIST = 200;
  public static final String MASTER_KEY_ROTATION = "master-key-rotation";

  @Inject FeedRetention feedRetention;
  @Inject AuditRetention auditRetention;
  @Inject EventArchive archive;
  @Inject Replays replays;
  @Inject AuditLog audit;

  /** Every job, with its parameters (name → meaning). */
  public List<Definition> definitions() {
    return List.of(
        new Definition("event-cleanup", "Archive and delete events past their retention whose"
            + " deliveries were all sent (dead letters only past the hard limit) and that no"
            + " active device still needs", params(
                "retention_seconds", "age in seconds (default autowebhook.feed.retention-seconds,"
                    + " 90 days)",
                "hard_limit_seconds", "age after which devices and dead letters no longer keep"
                    + " an event (default autowebhook.feed.hard-limit-seconds, 365 days)")),
        new Definition("audit-cleanup", "Delete audit lines past their retention", params(
            "audit_days", "age in days (default autowebhook.retention.audit-days, 180)")),
        new Definition("feed-archival", "Move archived events into gzipped JSON-lines files in"
            + " the archive directory", params(
                "archive_days", "age in days (default autowebhook.retention.archive-days, 365)")),
        new Definition("replay", "Send the events of a time range again to chosen subscribers"
            + " (attempts with trigger replay)", params(
                "from", "ISO-8601 start (inclusive), required",
                "to", "ISO-8601 end (exclusive), default now",
                "models", "comma-separated model keys, default all",
                "subscribers", "comma-separated subscriber ids, required")),
        new Definition(MASTER_KEY_ROTATION, "Re-encrypt every stored secret (subscriber"
            + " credentials, custom headers, signing secrets) under the current"
            + " AUTOWEBHOOK_MASTER_KEY; values under AUTOWEBHOOK_MASTER_KEY_PREVIOUS are read with"
            + " it. The exit status says how many were re-encrypted", params()));
  }

  /** Starts a job after checking its parameters. */
  public JobRun start(String name, Map<String, String> parameters) {
    Definition d = definition(name);
    Map<String, String> given = parameters == null ? Map.of() : parameters;
    List<Violation> unknown = new ArrayList<>();
    given.keySet().stream().filter(k -> !d.parameters().containsKey(k)).sorted()
        .forEach(k -> unknown.add(new Violation(k, "not a parameter of " + name
            + "; known: " + String.join(", ", d.parameters().keySet()))));
    if (!unknown.isEmpty()) {
      throw InvalidInputException.of(unknown);
    }
    check(name, given);
    Properties props = new Properties();
    if ("replay".equals(name) && blank(given.get("to"))) {
      props.setProperty("to", Time.now().toString()); // fixed now, also for a restart
    }
    given.forEach((k, v) -> {
      if (!blank(v)) {
        props.setProperty(k, v.trim());
      }
    });
    long id = operator().start(name, props);
    audit.record("job.start", "job", id, name + " " + props);
    return execution(id);
  }

  /** The most recent executions, newest first, of one job or of all. */
  public List<JobRun> executions(String name, int limit) {
    if (limit < 1 || limit > MAX_LIST) {
      throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIST);
    }
    List<String> names = name == null ? definitions().stream().map(Definition::name).toList()
        : List.of(definition(name).name());
    JobOperator op = operator();
    List<JobRun> out = new ArrayList<>();
    for (String n : names) {
      List<JobInstance> instances;
      try {
        instances = op.getJobInstances(n, 0, limit);
      } catch (NoSuchJobException e) {
        continue; // never ran on this node's job repository
      }
      for (JobInstance i : instances) {
        for (JobExecution e : op.getJobExecutions(i)) {
          out.add(JobRun.of(e, i.getInstanceId(), op.getStepExecutions(e.getExecutionId())));
        }
      }
    }
    out.sort(Comparator.comparingLong(JobRun::id).reversed());
    return out.size() > limit ? out.subList(0, limit) : out;
  }

  public JobRun execution(long id) {
    JobOperator op = operator();
    try {
      JobExecution e = op.getJobExecution(id);
      return JobRun.of(e, op.getJobInstance(id).getInstanceId(), op.getStepExecutions(id));
    } catch (NoSuchJobExecutionException e) {
      throw new NotFoundException("job execution", id);
    }
  }

  /** Restarts a failed or stopped execution from its last checkpoint. */
  public JobRun restart(long id) {
    JobRun previous = execution(id);
    try {
      Properties same = new Properties();
      previous.parameters().forEach(same::setProperty);
      long next = operator().restart(id, same);
      audit.record("job.restart", "job", next, previous.job() + " restarts execution " + id);
      return execution(next);
    } catch (JobExecutionAlreadyCompleteException | JobExecutionNotMostRecentException
        | JobRestartException e) {
      throw new ConflictException("execution " + id + " of " + previous.job() + " is "
          + previous.status() + "; only the latest failed or stopped execution of a job can be"
          + " restarted");
    }
  }

  /** Audits that an execution ended (from the jobs' listener). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void ended(long executionId, String job, long items) {
    audit.record("job.end", "job", executionId, job + " ended, " + items + " items written");
  }

  /** Asks a running execution to stop after its current chunk. */
  public JobRun stop(long id) {
    JobRun run = execution(id);
    try {
      operator().stop(id);
      audit.record("job.stop", "job", id, run.job());
      return execution(id);
    } catch (JobExecutionNotRunningException e) {
      throw new ConflictException("execution " + id + " of " + run.job() + " is " + run.status()
          + "; only a running execution can be stopped");
    }
  }

  private void check(String name, Map<String, String> p) {
    switch (name) {
      case "event-cleanup" -> feedRetention.cutoffs(
          number("retention_seconds", p.get("retention_seconds")),
          number("hard_limit_seconds", p.get("hard_limit_seconds")));
      case "audit-cleanup" -> auditRetention.cutoff(number("audit_days", p.get("audit_days")));
      case "feed-archival" -> archive.cutoff(number("archive_days", p.get("archive_days")));
      case "replay" -> replays.scope(p.get("from"), p.get("to"), p.get("models"),
          p.get("subscribers"));
      case MASTER_KEY_ROTATION -> { } // no parameters
      default -> throw new IllegalStateException("no check for " + name);
    }
  }

  /** A whole-number parameter, or null when absent. */
  public static Long number(String key, String v) {
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(key, "must be a whole number");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private Definition definition(String name) {
    return definitions().stream().filter(d -> d.name().equals(name)).findFirst()
        .orElseThrow(() -> new NotFoundException("job", name));
  }

  private static JobOperator operator() {
    return BatchRuntime.getJobOperator();
  }

  private static Map<String, String> params(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
