package dev.autowebhook.jobs.masterkey;

import dev.autowebhook.security.boundary.MasterKeyRotation;
import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * When the rotation step succeeded: its exit status and the job's say how many secrets were
 * re-encrypted under which key id ({@code GET /api/v1/admin/job-executions/{id}} shows them as
 * {@code exit_status}), and the rotation is audited. When a stored value could not be decrypted,
 * the exit status says which (row and column, never a value).
 */
@Named
@Dependent
public class ReencryptedCount extends AbstractStepListener {

  @Inject StepContext step;
  @Inject JobContext job;
  @Inject MasterKeyRotation rotation;

  /** The secrets re-encrypted so far by this step (over restarts too). */
  static long total(StepContext step) {
    return step.getPersistentUserData() instanceof Long n ? n : 0L;
  }

  @Override
  public void afterStep() {
    if (step.getException() != null) {
      for (Throwable t = step.getException(); t != null; t = t.getCause()) {
        if (t instanceof MasterKeyRotation.UnreadableSecretException) {
          step.setExitStatus("FAILED: " + t.getMessage());
          job.setExitStatus(step.getExitStatus());
          return;
        }
      }
      return;
    }
    long n = total(step);
    String status = "COMPLETED: re-encrypted " + n + " secrets under master key id "
        + rotation.currentKeyId();
    step.setExitStatus(status);
    job.setExitStatus(status);
    rotation.finished(job.getExecutionId(), n);
  }
}
