package dev.autowebhook.jobs;

import dev.autowebhook.operations.boundary.JobRun;
import dev.autowebhook.operations.boundary.Jobs;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Starts the cleanup jobs daily on every node (each chunk re-checks what it deletes, so two nodes
 * running the same job only share the work): {@code autowebhook.jobs.<job>.at} is the time of day
 * ({@code HH:MM}, server time zone; empty switches the timer off). Non-persistent timers, no
 * transaction: the batch runtime starts its own.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class JobSchedule {

  private static final Logger LOG = Logger.getLogger(JobSchedule.class.getName());

  /** Job → default time of day. */
  static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

  static {
    DEFAULTS.put("event-cleanup", "03:17");
    DEFAULTS.put("audit-cleanup", "03:37");
    DEFAULTS.put("feed-archival", "03:57");
  }

  @Resource TimerService timers;
  @Inject Jobs jobs;
  @Inject Config config;

  @PostConstruct
  void schedule() {
    for (Entry<String, String> e : DEFAULTS.entrySet()) {
      String at = config.getOptionalValue("autowebhook.jobs." + e.getKey() + ".at", String.class)
          .orElse(e.getValue()).trim();
      Optional<int[]> time = parse(at);
      if (time.isEmpty()) {
        if (!at.isEmpty()) {
          LOG.warning(() -> "autowebhook.jobs." + e.getKey() + ".at is not HH:MM (" + at
              + "); the job will not run on a timer");
        }
        continue;
      }
      timers.createCalendarTimer(new ScheduleExpression().hour(time.get()[0])
          .minute(time.get()[1]), new TimerConfig(e.getKey(), false));
      LOG.info(() -> "Job " + e.getKey() + " runs daily at " + at);
    }
  }

  @Timeout
  void run(Timer timer) {
    String job = (String) timer.getInfo();
    try {
      JobRun run = jobs.start(job, Map.of());
      LOG.info(() -> "Started job " + job + " execution=" + run.id());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not start job " + job + ": " + e.getMessage(), e);
    }
  }

  /** {@code HH:MM} → {hour, minute}; empty when off or malformed. */
  static Optional<int[]> parse(String at) {
    if (!at.matches("\\d{1,2}:\\d{2}")) {
      return Optional.empty();
    }
    int h = Integer.parseInt(at.substring(0, at.indexOf(':')));
    int m = Integer.parseInt(at.substring(at.indexOf(':') + 1));
    return h < 24 && m < 60 ? Optional.of(new int[] {h, m}) : Optional.empty();
  }
}
