package dev.autowebhook.jobs;

import dev.autowebhook.operations.boundary.Jobs;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Audits that an execution ended, with the items its steps wrote (its final status is set after
 * the listeners ran: the API shows it).
 */
@Named
@Dependent
public class JobEndAudit extends AbstractJobListener {

  @Inject JobContext job;
  @Inject Jobs jobs;

  @Override
  public void afterJob() {
    long written = 0;
    for (StepExecution s : BatchRuntime.getJobOperator().getStepExecutions(job.getExecutionId())) {
      for (Metric m : s.getMetrics()) {
        if (m.getType() == Metric.MetricType.WRITE_COUNT) {
          written += m.getValue();
        }
      }
    }
    jobs.ended(job.getExecutionId(), job.getJobName(), written);
  }
}
