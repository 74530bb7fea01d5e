package dev.autowebhook.bench;

import static dev.autowebhook.bench.PerformanceRun.fmt;

import dev.autowebhook.bench.PerformanceRun.Arrival;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one run, rendered as a Markdown table with the baselines and targets beside
 * them; the last line is a one-line summary of the ratios and latencies.
 */
final class Report {

  private final List<String> notes = new ArrayList<>();
  private final Map<String, Long> statuses = new LinkedHashMap<>();
  private double ceiling;
  private int threads;
  private int bodyBytes;
  private int captureWrites;
  private long tracked;
  private long untracked;
  private int captureBulk;
  private long trackedBulk;
  private long untrackedBulk;
  private double offered;
  private long p50 = -1;
  private long p95 = -1;
  private long p99 = -1;
  private long max = -1;
  private double writeRate;
  private double throughput;
  private int drainEvents;
  private double singleDrain;
  private double batchedDrain;
  private int feedEvents;
  private int feedPages;
  private int feedPage;
  private double feedRate;
  private double feedRaw;
  private double commitRate;
  private double rowRate;
  private long duplicates;
  private long errors;

  void note(String format, Object... args) {
    notes.add(fmt(format, args));
  }

  void ceiling(double rate, int threads, int bodyBytes) {
    this.ceiling = rate;
    this.threads = threads;
    this.bodyBytes = bodyBytes;
  }

  void capture(int writes, long trackedNanos, long untrackedNanos, int bulkWrites,
      long trackedBulkNanos, long untrackedBulkNanos, long events) {
    this.captureWrites = writes;
    this.tracked = trackedNanos;
    this.untracked = untrackedNanos;
    this.captureBulk = bulkWrites;
    this.trackedBulk = trackedBulkNanos;
    this.untrackedBulk = untrackedBulkNanos;
    note("capture: %d events queued by the tracked writes (%d expected)", events,
        writes + bulkWrites);
    if (events != writes + bulkWrites) {
      errors++;
    }
  }

  void latency(double offered, Arrival a, long p50, long p95, long p99, long max) {
    this.offered = offered;
    this.p50 = p50;
    this.p95 = p95;
    this.p99 = p99;
    this.max = max;
    checked("latency", a);
  }

  void throughput(int events, double writeRate, double rate, Arrival a) {
    this.writeRate = writeRate;
    this.throughput = rate;
    checked("throughput", a);
  }

  void checked(String phase, Arrival a) {
    duplicates += a.duplicates();
    note("%s: %d events received, %d duplicates", phase, a.distinct(), a.duplicates());
  }

  void drains(int events, double single, double batched) {
    this.drainEvents = events;
    this.singleDrain = single;
    this.batchedDrain = batched;
  }

  void feed(int events, int pages, int page, double rate, double raw) {
    this.feedEvents = events;
    this.feedPages = pages;
    this.feedPage = page;
    this.feedRate = rate;
    this.feedRaw = raw;
  }

  void database(double commitRate, double rowRate) {
    this.commitRate = commitRate;
    this.rowRate = rowRate;
  }

  /** Final delivery statuses of the benchmark subscriber: anything but sent is an error. */
  void statuses(Map<String, Long> byStatus) {
    statuses.putAll(byStatus);
    byStatus.forEach((status, n) -> {
      if (!status.equals("SENT")) {
        errors += n;
      }
    });
  }

  void errors(long n) {
    errors += n;
  }

  long errorCount() {
    return errors;
  }

  double captureRatio() {
    return (double) tracked / untracked;
  }

  String render(String machine) {
    double ba = throughput / ceiling;
    double c = captureRatio();
    double cBulk = (double) trackedBulk / untrackedBulk;
    double eb = batchedDrain / throughput;
    StringBuilder t = new StringBuilder();
    t.append("Auto Webhook benchmark — ").append(machine).append('\n');
    t.append("PostgreSQL 14 (embedded, synchronous_commit=on), Payara Micro 6.2025.10 (-Xmx1g),"
        + " receiver: JDK HttpServer on loopback (nodelay)\n\n");
    t.append("|   | measure | value | baseline | ratio | target |\n");
    t.append("|---|---|---:|---:|---:|---|\n");
    t.append(fmt("| a | ceiling: raw JDK HttpClient POSTs, %d threads, %d-byte event body, own JVM"
        + " | %,.0f/s | | | |\n", threads, bodyBytes, ceiling));
    t.append(fmt("| b | end-to-end deliveries/s: sale orders written (bulk REST, 4 clients, %,.0f"
        + " orders/s) and delivered (max_concurrency %d) | %,.0f/s | a | %.2f | ≥ 0.5 %s |\n",
        writeRate, threads, throughput, ba, mark(ba >= 0.5)));
    t.append(fmt("| c | capture overhead: %d single REST writes, tracked / untracked (8 clients)"
        + " | %,.0f / %,.0f ms | untracked | %.2f | ≤ 1.3 %s |\n", captureWrites, tracked / 1e6,
        untracked / 1e6, c, mark(c <= 1.3)));
    t.append(fmt("|   | capture overhead: %d orders in bulk writes of 100, tracked / untracked"
        + " | %,.0f / %,.0f ms | untracked | %.2f | |\n", captureBulk, trackedBulk / 1e6,
        untrackedBulk / 1e6, cBulk));
    t.append(fmt("| d | commit-to-receipt latency at %.0f events/s offered: p50 / p95 / p99 (max)"
        + " | %d / %d / %d (%d) ms | | | p50 ≤ 20 %s, p99 ≤ 200 %s |\n", offered, p50, p95, p99,
        max, mark(p50 <= 20), mark(p99 <= 200)));
    t.append(fmt("| e | batched mode (batch_size 100): backlog of %,d drained | %,.0f/s | b | %.1f"
        + " | ≥ 10 %s |\n", drainEvents, batchedDrain, eb, mark(eb >= 10)));
    t.append(fmt("|   | same backlog, one request per event | %,.0f/s | a | %.2f | |\n",
        singleDrain, singleDrain / ceiling));
    t.append(fmt("| f | pull feed: one client, %,d events in %d pages of %d | %,.0f/s | plain JDBC"
        + " keyset scan %,.0f/s | %.2f | ≥ 20,000/s %s |\n", feedEvents, feedPages, feedPage,
        feedRate, feedRaw, feedRate / feedRaw, mark(feedRate >= 20_000)));
    t.append(fmt("|   | PostgreSQL alone: single-row commits, 8 connections | %,.0f/s | | | |\n",
        commitRate));
    t.append(fmt("|   | PostgreSQL alone: rows/s in 100-row inserts | %,.0f/s | | | |\n",
        rowRate));
    t.append(fmt("|   | lost events / duplicates / errors | 0 / %d / %d | | | 0 lost, 0 errors %s"
        + " |\n", duplicates, errors, mark(errors == 0)));
    t.append('\n');
    for (String n : notes) {
      t.append("- ").append(n).append('\n');
    }
    t.append("- benchmark subscriber's deliveries by status: ").append(statuses).append("\n\n");
    t.append(fmt("SUMMARY b/a=%.2f c=%.2f d.p50=%dms d.p95=%dms d.p99=%dms e/b=%.1f f=%,.0f/s"
        + " (a=%,.0f/s b=%,.0f/s e=%,.0f/s) lost=0 duplicates=%d errors=%d", ba, c, p50, p95,
        p99, eb, feedRate, ceiling, throughput, batchedDrain, duplicates, errors));
    return t.toString();
  }

  private static String mark(boolean ok) {
    return ok ? "✓" : "✗";
  }
}
