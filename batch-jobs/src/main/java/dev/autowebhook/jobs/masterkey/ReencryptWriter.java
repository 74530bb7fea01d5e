package dev.autowebhook.jobs.masterkey;

import dev.autowebhook.security.boundary.MasterKeyRotation;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Re-encrypts a chunk of rows under the current master key and adds the number of secrets it
 * re-encrypted to the step's persistent user data (kept with the checkpoint, so a restarted
 * execution counts on).
 */
@Named
@Dependent
public class ReencryptWriter extends AbstractItemWriter {

  @Inject MasterKeyRotation rotation;
  @Inject StepContext step;

  @Override
  public void writeItems(List<Object> items) {
    int n = rotation.reencrypt(items.stream().map(Long.class::cast).toList());
    step.setPersistentUserData(ReencryptedCount.total(step) + n);
  }
}
