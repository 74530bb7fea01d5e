package dev.autowebhook.operations.boundary;

import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** One execution of a job as the API shows it: status, parameters, times and per-step counts. */
public record JobRun(long id, long instanceId, String job, String status, String exitStatus,
    Map<String, String> parameters, OffsetDateTime createdAt, OffsetDateTime startedAt,
    OffsetDateTime endedAt, List<Step> steps) {

  /** One step: its status and the batch runtime's counts (read, write, commit, rollback…). */
  public record Step(String name, String status, String exitStatus, Map<String, Long> counts) {

    static Step of(StepExecution s) {
      Map<String, Long> counts = new LinkedHashMap<>();
      if (s.getMetrics() != null) {
        for (Metric m : s.getMetrics()) {
          counts.put(m.getType().name().toLowerCase(Locale.ROOT).replace("_count", ""),
              m.getValue());
        }
      }
      return new Step(s.getStepName(), key(s.getBatchStatus()), s.getExitStatus(), counts);
    }
  }

  static JobRun of(JobExecution e, long instanceId, List<StepExecution> steps) {
    Map<String, String> params = new TreeMap<>();
    Properties p = e.getJobParameters();
    if (p != null) {
      p.stringPropertyNames().forEach(k -> params.put(k, p.getProperty(k)));
    }
    return new JobRun(e.getExecutionId(), instanceId, e.getJobName(), key(e.getBatchStatus()),
        e.getExitStatus(), params, time(e.getCreateTime()), time(e.getStartTime()),
        time(e.getEndTime()), steps.stream().map(Step::of).toList());
  }

  /** Whether the execution has finished (one way or another). */
  public boolean done() {
    return List.of("completed", "failed", "stopped", "abandoned").contains(status);
  }

  private static String key(Enum<?> status) {
    return status == null ? null : status.name().toLowerCase(Locale.ROOT);
  }

  private static OffsetDateTime time(Date d) {
    return d == null ? null : d.toInstant().atOffset(ZoneOffset.UTC);
  }
}
