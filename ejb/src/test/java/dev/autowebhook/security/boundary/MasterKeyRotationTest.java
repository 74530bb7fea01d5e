package dev.autowebhook.security.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.subscription.entity.Subscriber;
import jakarta.persistence.Entity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rotation covers every encrypted column: those of {@link Subscriber}, which is the only
 * entity with any (checked over every compiled class of the module, so a new encrypted column
 * elsewhere fails here until the job covers its table too).
 */
class MasterKeyRotationTest {

  @Test
  void theSubscriberSecretColumnsAreRotated() {
    assertThat(MasterKeyRotation.TABLE).isEqualTo("aw_subscriber");
    assertThat(MasterKeyRotation.COLUMNS).containsExactlyInAnyOrder("auth_token", "api_key",
        "basic_password", "custom_headers", "signing_secret", "previous_secret");
  }

  @Test
  void noOtherEntityHasEncryptedColumns() throws Exception {
    Path classes = Path.of(Subscriber.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    List<String> withSecrets = new ArrayList<>();
    int entities = 0;
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(f).toString().replace('/', '.')
            .replaceAll("\\.class$", "");
        Class<?> c = Class.forName(name, false, getClass().getClassLoader());
        if (c.isAnnotationPresent(Entity.class)) {
          entities++;
          if (!MasterKeyRotation.encryptedColumns(c).isEmpty()) {
            withSecrets.add(c.getSimpleName());
          }
        }
      }
    }
    assertThat(entities).as("entities found in %s", classes).isGreaterThan(10);
    assertThat(withSecrets).containsExactly("Subscriber");
  }
}
