package dev.autowebhook.it.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fault scenarios' figures as a Markdown table: each scenario's row is appended to
 * {@code -Dfault.report} ({@code web/target/fault-report.md} under failsafe; the header is written
 * when the file is new), and the table of this run so far is printed to stdout.
 *
 * <p>Columns (see {@link Scenario}): committed deliveries (change × subscriber) in the database;
 * business calls answered 2xx / not; deliveries the receiver answered 2xx; lost (committed, never
 * answered 2xx); duplicates (further 2xx answers); deliveries in flight at the fault (the only
 * ones allowed to arrive twice); dead letters; drain: seconds from the end of the fault (restart
 * done, database or receiver back, node killed; d: end of the load) until every change committed
 * before it had been answered 2xx.
 *
 * <p>Static state (documented singleton): the rows of this JVM, guarded by
 * {@code FaultReport.class}.
 */
final class FaultReport {

  /** One scenario's figures; see {@link Scenario#drain} for what each one counts. */
  record Row(String scenario, int committed, int apiOk, int apiFailed, int delivered, int lost,
      int duplicates, int inFlightAtFault, int dead, double drainSeconds) {}

  static final String HEADER = """
      | run (UTC) | scenario | committed | API 2xx / failed | delivered | lost | duplicates \
      | in flight at fault | dead | drain (s) |
      |---|---|--:|--:|--:|--:|--:|--:|--:|--:|
      """;

  private static final Instant RUN = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final List<String> ROWS = new ArrayList<>();

  private FaultReport() {}

  static synchronized void add(Row r) {
    String line = String.format(Locale.ROOT, "| %s | %s | %d | %d / %d | %d | %d | %d | %d | %d | %.1f |%n",
        RUN, r.scenario(), r.committed(), r.apiOk(), r.apiFailed(), r.delivered(), r.lost(),
        r.duplicates(), r.inFlightAtFault(), r.dead(), r.drainSeconds());
    ROWS.add(line);
    Path file = file();
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (!Files.exists(file)) {
        Files.writeString(file, "# Fault-injection runs (dev.autowebhook.it.fault)\n\n" + HEADER,
            StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      }
      Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the fault report " + file, e);
    }
    System.out.println("[fault] report so far (" + file.toAbsolutePath() + "):\n" + HEADER
        + String.join("", ROWS));
  }

  static Path file() {
    String configured = System.getProperty("fault.report");
    return Path.of(configured == null || configured.isBlank() ? "target/fault-report.md"
        : configured);
  }
}
