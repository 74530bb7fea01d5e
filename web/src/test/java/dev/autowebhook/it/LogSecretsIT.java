package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Postgres;
import dev.autowebhook.it.support.Secrets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * No secret in any log: runs after every other IT (its own failsafe execution, see web/pom.xml)
 * and reads every {@code *.log} under {@code <it.work.dir>} — each Payara Micro's output and
 * PostgreSQL's — for each secret the ITs recorded ({@link Secrets}: admin and user passwords, API
 * tokens, signing secrets answered once, the auth values given to subscribers). A hit names the
 * file and line and only the start of the secret.
 */
class LogSecretsIT {

  @Test
  void noSecretTheTestsUsedAppearsInAServerLog() throws IOException {
    Path dir = Postgres.workDir();
    List<Path> logs = logs(dir);
    Assumptions.assumeFalse(logs.isEmpty(), "no server ran in this build: no log to check");
    List<String> secrets = Secrets.recorded();
    assertThat(secrets).as("secrets recorded by the ITs in %s (the recording itself works)",
        Secrets.file()).contains(AppServer.ADMIN_PASSWORD);

    List<String> leaks = new ArrayList<>();
    for (Path log : logs) {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(log),
          StandardCharsets.UTF_8))) {
        String line;
        for (int n = 1; (line = r.readLine()) != null; n++) {
          for (String s : secrets) {
            if (line.contains(s)) {
              leaks.add(dir.relativize(log) + ":" + n + " contains the secret " + masked(s));
            }
          }
        }
      }
    }
    System.out.printf("[it] checked %d log files under %s for %d recorded secrets%n", logs.size(),
        dir, secrets.size());
    assertThat(leaks).as("secrets found in server logs").isEmpty();
  }

  static List<Path> logs(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".log"))
          .filter(Files::isRegularFile).sorted().toList();
    }
  }

  static String masked(String secret) {
    return secret.substring(0, Math.min(4, secret.length() / 4)) + "… (" + secret.length()
        + " characters)";
  }
}
