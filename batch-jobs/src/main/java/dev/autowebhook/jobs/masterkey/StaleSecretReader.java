package dev.autowebhook.jobs.masterkey;

import dev.autowebhook.jobs.IdReader;
import dev.autowebhook.security.boundary.MasterKeyRotation;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The rows holding a secret that is not under the current master key yet. */
@Named
@Dependent
public class StaleSecretReader extends IdReader {

  @Inject MasterKeyRotation rotation;

  @Override
  protected List<Long> page(long afterId, int size) {
    return rotation.stale(afterId, size);
  }
}
