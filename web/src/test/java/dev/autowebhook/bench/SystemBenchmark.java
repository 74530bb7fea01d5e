package dev.autowebhook.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Postgres;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The benchmark ({@code bench/run.sh}, not part of the test suite): every figure of
 * {@link PerformanceRun} at full size. Writes the table to {@code web/target/bench-result.md}.
 * {@code -Dbench.jfr=true} records a JFR profile of the application server to
 * {@code web/target/bench-server.jfr}.
 */
class SystemBenchmark {

  @Test
  void measure() throws Exception {
    System.setProperty("it.postgres.synchronous-commit", "on");
    Path target = Path.of(System.getProperty("it.work.dir", "target/it")).getParent();
    Report report;
    try (BenchReceiver receiver = BenchReceiver.start()) {
      report = new PerformanceRun(PerformanceRun.Settings.full(), Postgres.instance(), receiver)
          .run(b -> {
            if (Boolean.getBoolean("bench.jfr")) {
              b.jvmArg("-XX:StartFlightRecording=filename=" + target.resolve("bench-server.jfr")
                  + ",settings=profile");
            }
          });
    }
    String table = report.render(machine());
    PerformanceRun.write(target.resolve("bench-result.md"), table + "\n");
    System.out.println("\n" + table);
    assertThat(report.errorCount()).as("errors (see the table)").isZero();
  }

  static String machine() {
    String cpu = "";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim() + ", ").orElse("");
    } catch (Exception ignored) {
      // not Linux: leave the model out
    }
    long mem = ((com.sun.management.OperatingSystemMXBean) ManagementFactory
        .getOperatingSystemMXBean()).getTotalMemorySize();
    return LocalDate.now() + ", " + cpu + Runtime.getRuntime().availableProcessors() + " cores, "
        + (mem >> 30) + " GiB, " + System.getProperty("os.name") + ", Java "
        + System.getProperty("java.version");
  }
}
