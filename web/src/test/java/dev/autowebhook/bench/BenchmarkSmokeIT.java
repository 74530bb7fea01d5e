package dev.autowebhook.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Postgres;
import org.junit.jupiter.api.Test;

/**
 * Runs the whole benchmark at a tiny size in the normal suite, so the harness keeps working:
 * every phase, the receiver's loss check, the untracked server (capture switched off writes no
 * event), the table. No figure is judged here: timings belong to {@code bench/run.sh}.
 */
class BenchmarkSmokeIT {

  @Test
  void everyPhaseRunsAndNothingIsLost() throws Exception {
    Report report;
    try (BenchReceiver receiver = BenchReceiver.start()) {
      report = new PerformanceRun(PerformanceRun.Settings.smoke(), Postgres.instance(), receiver)
          .run(b -> { });
    }
    String table = report.render(SystemBenchmark.machine());
    System.out.println(table);
    assertThat(report.errorCount()).as(table).isZero();
    assertThat(table.lines().reduce((a, b) -> b).orElseThrow()).startsWith("SUMMARY b/a=");
  }
}
