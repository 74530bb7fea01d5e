package dev.autowebhook.bench;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Postgres;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One benchmark run against PostgreSQL (durable commits) and Payara Micro, printing a table. In
 * the same run it measures the ceiling (raw JDK HttpClient POSTs to the same receiver with the
 * same concurrency, from a JVM of the same kind), end-to-end deliveries/s of events produced by
 * business writes, the capture overhead (tracked over untracked writes of the same entities, on a
 * second server with capture switched off), commit-to-receipt latency at a fixed offered rate,
 * backlog drains one request per event and batched, the pull feed, and PostgreSQL's own commit
 * and insert rates (the physical limits). Every phase checks at the receiver that no event was
 * lost and counts duplicates; any error or loss fails the run.
 */
final class PerformanceRun {

  /** How much work each phase does. */
  record Settings(int threads, int ceilingWarmupSeconds, int ceilingSeconds, int warmupEvents,
      int captureWrites, int captureBulkRequests, int latencySeconds, int offeredRate,
      int e2eEvents, int drainEvents, int feedEvents, int feedPage, int dbSeconds) {

    static Settings full() {
      return new Settings(16, 3, Integer.getInteger("bench.ceilingSeconds", 10), 2000,
          Integer.getInteger("bench.captureWrites", 1500), 20,
          Integer.getInteger("bench.latencySeconds", 30), 200,
          Integer.getInteger("bench.events", 20_000), Integer.getInteger("bench.drain", 20_000),
          Integer.getInteger("bench.feedEvents", 100_000), 500, 5);
    }

    static Settings smoke() {
      return new Settings(4, 1, 1, 50, 40, 2, 2, 50, 300, 300, 2000, 500, 1);
    }
  }

  private static final int BULK = 100;
  private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");

  private final Settings s;
  private final Postgres pg;
  private final BenchReceiver receiver;
  private final Report report = new Report();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final AtomicLong errors = new AtomicLong();
  /** Every event that reached the receiver in an earlier phase: sent again, it is a duplicate. */
  private final Set<String> delivered = new HashSet<>();
  private final AtomicLong names = new AtomicLong();
  private AppServer server;
  private Api api;
  private String authorization;
  private long partner;
  private long subscriber;
  private long parked;
  private long orderConfig;
  private int seq;

  PerformanceRun(Settings settings, Postgres pg, BenchReceiver receiver) {
    this.s = settings;
    this.pg = pg;
    this.receiver = receiver;
  }

  /** Runs every phase and returns the report (its last line is the one-line summary). */
  Report run(Consumer<AppServer.Builder> serverOptions) throws Exception {
    String db = "bench_" + System.nanoTime();
    AppServer.Builder b = AppServer.builder("bench")
        .database(pg.createDatabase(db), pg.user(), pg.password())
        .jvmArg("-Xmx1g").env("AUTOWEBHOOK_ALLOWED_TARGETS", "127.0.0.0/8");
    serverOptions.accept(b);
    server = b.build().start();
    try {
      api = server.admin();
      authorization = "Basic " + Base64.getEncoder().encodeToString((AppServer.ADMIN_USER + ":"
          + AppServer.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
      setUp();
      byte[] sampleBody = warmUp();
      ceiling(sampleBody);
      captureOverhead(db);
      latency();
      throughput();
      drains();
      report.statuses(recorded(db));
      feed(db);
      database(db);
      report.errors(errors.get());
      return report;
    } finally {
      server.stop();
    }
  }

  // ---------------------------------------------------------------- setup

  private void setUp() {
    subscriber = newSubscriber("bench", "/e2e", true);
    parked = newSubscriber("bench-parked", "/parked", false);
    for (JsonValue v : api.get("/api/v1/admin/configs").expect(200).jsonArray()) {
      JsonObject c = v.asJsonObject();
      long id = c.getJsonNumber("id").longValue();
      if (c.getString("model").equals("sale.order")) {
        orderConfig = id;
      }
      api.put("/api/v1/admin/configs/" + id, Json.obj().add("subscriber_ids", Json.arr()).build())
          .expect(200);
    }
    partner = api.post("/api/v1/partners", Json.obj().add("name", "Bench Partner").build())
        .expect(201).json().getJsonNumber("id").longValue();
  }

  private long newSubscriber(String name, String path, boolean enabled) {
    return api.post("/api/v1/admin/subscribers", Json.obj().add("name", name)
            .add("endpoint_url", receiver.url(path)).add("max_concurrency", s.threads())
            .add("enabled", enabled).build())
        .expect(201).json().getJsonNumber("id").longValue();
  }

  private void route(long subscriberId) {
    api.put("/api/v1/admin/configs/" + orderConfig, Json.obj().add("subscriber_ids",
        Json.arr().add(subscriberId)).build()).expect(200);
  }

  private void enable(long subscriberId, boolean enabled) {
    api.put("/api/v1/admin/subscribers/" + subscriberId, Json.obj().add("enabled", enabled)
        .build()).expect(200);
  }

  /** Warms both JITs on the whole path; returns a real delivered body for the ceiling. */
  private byte[] warmUp() throws Exception {
    route(subscriber);
    write(api, s.warmupEvents(), BULK, 4);
    write(api, s.warmupEvents() / 4, 1, 8);
    Arrival a = await("/e2e", s.warmupEvents() + s.warmupEvents() / 4, Duration.ofMinutes(5));
    byte[] body = receiver.hits("/e2e").get(0).body();
    receiver.clear("/e2e");
    report.note("warm-up: %d events delivered", a.distinct());
    return body;
  }

  // ---------------------------------------------------------------- a. ceiling

  private void ceiling(byte[] body) throws Exception {
    Path bodyFile = Files.createTempFile("bench-body", ".json");
    Files.write(bodyFile, body);
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-XX:+UseSerialGC", "-cp", testClasses(), RawPosts.class.getName(),
        receiver.url("/ceiling"), Integer.toString(s.threads()),
        Integer.toString(s.ceilingWarmupSeconds()), Integer.toString(s.ceilingSeconds()),
        bodyFile.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("RawPosts failed: " + out);
    }
    Matcher m = Pattern.compile("posts/s=([0-9.]+) errors=(\\d+)").matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("RawPosts printed: " + out);
    }
    errors.addAndGet(Long.parseLong(m.group(2)));
    Matcher first = Pattern.compile("first error: (.*)").matcher(out);
    if (first.find()) {
      report.note("ceiling: %s failed POSTs, the first: %s", m.group(2), first.group(1));
    }
    receiver.clear("/ceiling");
    report.ceiling(Double.parseDouble(m.group(1)), s.threads(), body.length);
  }

  private static String testClasses() {
    try {
      return Path.of(RawPosts.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- c. capture overhead

  /**
   * The same writes on this server (tracked: event + delivery rows in the business transaction,
   * to a disabled subscriber so that nothing is sent meanwhile) and on a second server on its own
   * database with capture switched off, in alternating rounds.
   */
  private void captureOverhead(String db) throws Exception {
    route(parked);
    String plainDb = db + "_plain";
    AppServer plain = AppServer.builder("bench-untracked")
        .database(pg.createDatabase(plainDb), pg.user(), pg.password()).jvmArg("-Xmx1g")
        .env("AUTOWEBHOOK_CAPTURE_ENABLED", "false").env("AUTOWEBHOOK_DISPATCHER_ENABLED", "false")
        .build().start();
    try {
      Api off = plain.admin();
      long offPartner = off.post("/api/v1/partners", Json.obj().add("name", "Bench Partner")
          .build()).expect(201).json().getJsonNumber("id").longValue();
      int rounds = 3;
      int singles = s.captureWrites() / rounds;
      int bulks = s.captureBulkRequests() / Math.min(rounds, Math.max(1, s.captureBulkRequests()));
      write(off, offPartner, s.warmupEvents() / 2, 1, 8); // warm the second JIT
      write(off, offPartner, s.warmupEvents(), BULK, 4);
      long tracked = 0;
      long untracked = 0;
      long trackedBulk = 0;
      long untrackedBulk = 0;
      for (int r = 0; r < rounds; r++) {
        tracked += write(api, partner, singles, 1, 8);
        untracked += write(off, offPartner, singles, 1, 8);
        trackedBulk += write(api, partner, bulks * BULK, BULK, 4);
        untrackedBulk += write(off, offPartner, bulks * BULK, BULK, 4);
      }
      long events = count(db, "SELECT COUNT(*) FROM aw_delivery WHERE subscriber_id = " + parked);
      long plainEvents = count(plainDb, "SELECT COUNT(*) FROM aw_event WHERE model = 'sale.order'");
      if (plainEvents != 0) {
        throw new AssertionError("capture switched off but " + plainEvents + " events were written");
      }
      report.capture(rounds * singles, tracked, untracked, rounds * bulks * BULK, trackedBulk,
          untrackedBulk, events);
    } finally {
      plain.stop();
    }
  }

  // ---------------------------------------------------------------- d. latency

  /** Open loop: single-order writes started at a fixed rate, whatever the responses do. */
  private void latency() throws Exception {
    route(subscriber);
    receiver.clear("/e2e");
    int n = s.offeredRate() * s.latencySeconds();
    long periodNanos = 1_000_000_000L / s.offeredRate();
    List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>(n);
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long due = start + i * periodNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      sent.add(http.sendAsync(post("/api/v1/sale-orders", order(partner, "lat")),
          HttpResponse.BodyHandlers.ofString()));
    }
    double offered = n / ((System.nanoTime() - start) / 1e9);
    int written = 0;
    for (CompletableFuture<HttpResponse<String>> f : sent) {
      try {
        check(f.get(2, TimeUnit.MINUTES), 201);
        written++;
      } catch (Exception | AssertionError e) { // counted: the run fails, the table still shows
        if (errors.incrementAndGet() <= 3) {
          report.note("latency: a write failed: %s", e);
        }
      }
    }
    Arrival a = await("/e2e", written, Duration.ofMinutes(5));
    List<Long> latencies = new ArrayList<>();
    for (BenchReceiver.Hit h : receiver.hits("/e2e")) {
      Matcher m = TIMESTAMP.matcher(h.text());
      if (m.find()) {
        latencies.add(h.atMillis() - OffsetDateTime.parse(m.group(1)).toInstant().toEpochMilli());
      }
    }
    Collections.sort(latencies);
    report.latency(offered, a, pct(latencies, 50), pct(latencies, 95), pct(latencies, 99),
        latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1));
    receiver.clear("/e2e");
  }

  // ---------------------------------------------------------------- b. throughput

  /** Business writes (bulk requests of 100 orders, 4 clients) while the system delivers them. */
  private void throughput() throws Exception {
    receiver.clear("/e2e");
    long t0 = System.currentTimeMillis();
    long writeNanos = write(api, partner, s.e2eEvents(), BULK, 4);
    Arrival a = await("/e2e", s.e2eEvents(), Duration.ofMinutes(10));
    double rate = s.e2eEvents() / ((a.lastAt() - t0) / 1000.0);
    report.throughput(s.e2eEvents(), s.e2eEvents() / (writeNanos / 1e9), rate, a);
    receiver.clear("/e2e");
  }

  // ---------------------------------------------------------------- e. drains

  private void drains() throws Exception {
    double single = drain("single");
    api.put("/api/v1/admin/configs/" + orderConfig, Json.obj().add("batch_enabled", true)
        .add("batch_size", 100).add("batch_timeout_seconds", 1).build()).expect(200);
    double batched = drain("batched");
    api.put("/api/v1/admin/configs/" + orderConfig, Json.obj().add("batch_enabled", false)
        .build()).expect(200);
    report.drains(s.drainEvents(), single, batched);
  }

  /** A backlog queued while the subscriber was disabled, then drained: events/s at the receiver. */
  private double drain(String mode) throws Exception {
    enable(subscriber, false);
    write(api, partner, s.drainEvents(), BULK, 4);
    receiver.clear("/e2e");
    long t0 = System.currentTimeMillis();
    enable(subscriber, true);
    Arrival a = await("/e2e", s.drainEvents(), Duration.ofMinutes(10));
    report.checked(mode + " drain", a);
    receiver.clear("/e2e");
    return s.drainEvents() / ((a.lastAt() - t0) / 1000.0);
  }

  // ---------------------------------------------------------------- f. feed

  private void feed(String db) throws Exception {
    FeedLoad.insert(pg, db, s.feedEvents());
    long total = FeedLoad.awaitNumbered(pg, db);
    long t0 = System.nanoTime();
    Set<String> ids = new HashSet<>();
    String cursor = "0";
    int pages = 0;
    while (true) {
      JsonObject p = api.get("/api/v1/webhooks/events?limit=" + s.feedPage() + "&after=" + cursor)
          .expect(200).json();
      p.getJsonArray("events").forEach(e -> ids.add(e.asJsonObject().getString("id")));
      cursor = p.getString("next_cursor");
      pages++;
      if (!p.getBoolean("has_more")) {
        break;
      }
    }
    double apiRate = ids.size() / ((System.nanoTime() - t0) / 1e9);
    if (ids.size() != total) {
      throw new AssertionError("feed returned " + ids.size() + " distinct events of " + total);
    }
    long b0 = System.nanoTime();
    long rows = FeedLoad.rawScan(pg, db, s.feedPage());
    double rawRate = rows / ((System.nanoTime() - b0) / 1e9);
    report.feed(ids.size(), pages, s.feedPage(), apiRate, rawRate);
  }

  // ---------------------------------------------------------------- physical limits

  /** PostgreSQL alone: single-row commits/s with 8 connections, rows/s in 100-row inserts. */
  private void database(String db) throws Exception {
    try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE bench_probe (id BIGSERIAL PRIMARY KEY, at TIMESTAMP, note TEXT)");
    }
    AtomicLong commits = new AtomicLong();
    long until = System.nanoTime() + s.dbSeconds() * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      fs.add(pool.submit(() -> {
        try (Connection c = pg.connect(db); PreparedStatement ps = c.prepareStatement(
            "INSERT INTO bench_probe (at, note) VALUES (?, 'x')")) {
          c.setAutoCommit(true);
          while (System.nanoTime() < until) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.executeUpdate();
            commits.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
    double commitRate = commits.get() / (double) s.dbSeconds();
    long rows = 0;
    long t0 = System.nanoTime();
    try (Connection c = pg.connect(db); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO bench_probe (at, note) VALUES (?, ?)")) {
      c.setAutoCommit(false);
      long end = t0 + s.dbSeconds() * 1_000_000_000L;
      while (System.nanoTime() < end) {
        for (int i = 0; i < 100; i++) {
          ps.setTimestamp(1, Timestamp.from(Instant.now()));
          ps.setString(2, "row " + i);
          ps.addBatch();
        }
        ps.executeBatch();
        c.commit();
        rows += 100;
      }
    }
    report.database(commitRate, rows / ((System.nanoTime() - t0) / 1e9));
  }

  // ---------------------------------------------------------------- helpers

  private long write(Api target, int count, int perRequest, int clients) throws Exception {
    return write(target, partner, count, perRequest, clients);
  }

  /**
   * Creates {@code count} sale orders (one line each) through the REST API, {@code perRequest}
   * per request (1: {@code POST /sale-orders}; more: {@code POST /sale-orders/batch}, one
   * transaction each) from {@code clients} threads; returns the elapsed nanoseconds.
   */
  private long write(Api target, long partnerId, int count, int perRequest, int clients)
      throws Exception {
    int requests = (count + perRequest - 1) / perRequest;
    AtomicLong next = new AtomicLong();
    String tag = "o" + (seq++);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long t0 = System.nanoTime();
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        fs.add(pool.submit(() -> {
          long r;
          while ((r = next.getAndIncrement()) < requests) {
            errors.incrementAndGet(); // until this request succeeded
            int n = (int) Math.min(perRequest, count - r * perRequest);
            if (perRequest == 1) {
              check(http.send(post(target, "/api/v1/sale-orders", order(partnerId, tag)),
                  HttpResponse.BodyHandlers.ofString()), 201);
            } else {
              StringBuilder arr = new StringBuilder("[");
              for (int i = 0; i < n; i++) {
                arr.append(i == 0 ? "" : ",").append(order(partnerId, tag));
              }
              check(http.send(post(target, "/api/v1/sale-orders/batch", arr.append(']')
                  .toString()), HttpResponse.BodyHandlers.ofString()), 200);
            }
            errors.decrementAndGet();
          }
          return null;
        }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
      return System.nanoTime() - t0;
    } finally {
      pool.shutdown();
    }
  }

  private String order(long partnerId, String tag) {
    return "{\"name\":\"" + tag + "-" + names.incrementAndGet() + "\",\"partner_id\":" + partnerId + ",\"lines\":[{\"description\":"
        + "\"Widget\",\"quantity\":2,\"price_unit\":100,\"tax_rate\":20}]}";
  }

  private HttpRequest post(String path, String json) {
    return post(api, path, json);
  }

  private HttpRequest post(Api target, String path, String json) {
    return HttpRequest.newBuilder(URI.create(target.url(path))).timeout(Duration.ofMinutes(2))
        .header("Content-Type", "application/json").header("Authorization", authorization)
        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
  }

  private void check(HttpResponse<String> r, int expected) {
    if (r.statusCode() != expected) {
      throw new AssertionError(r.request().uri() + " answered " + r.statusCode() + ": "
          + r.body());
    }
  }

  /** What reached the receiver on a path: distinct events, duplicates, time of the last one. */
  record Arrival(int distinct, int duplicates, long lastAt) {}

  private Arrival await(String path, int expected, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int seen = 0;
    while (true) {
      List<BenchReceiver.Hit> hits = receiver.hits(path);
      Set<String> ids = new HashSet<>();
      long last = 0;
      for (BenchReceiver.Hit h : hits) {
        for (String id : h.eventIds()) {
          if (!delivered.contains(id)) { // an earlier phase's event sent again is no progress
            ids.add(id);
          }
        }
        last = Math.max(last, h.atMillis());
      }
      if (ids.size() >= expected) {
        Thread.sleep(200); // let stragglers (duplicates) arrive before counting them
        int dupes = 0;
        Set<String> all = new HashSet<>();
        for (BenchReceiver.Hit h : receiver.hits(path)) {
          for (String id : h.eventIds()) {
            if (delivered.contains(id) || !all.add(id)) {
              dupes++;
            }
          }
        }
        delivered.addAll(all);
        return new Arrival(all.size(), dupes, last);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("lost events: only " + ids.size() + " of " + expected
            + " arrived at " + path + " within " + timeout);
      }
      Thread.sleep(ids.size() == seen ? 50 : 20);
      seen = ids.size();
    }
  }

  /**
   * The deliveries by status once every attempt is on record: attempts are written after the
   * receiver answered, so the last receipts may still be PROCESSING for a moment. Anything still
   * PROCESSING after a minute is stuck, and counted as an error.
   */
  private java.util.Map<String, Long> recorded(String db) throws Exception {
    long t0 = System.currentTimeMillis();
    java.util.Map<String, Long> byStatus = statuses(db);
    while (byStatus.containsKey("PROCESSING") && System.currentTimeMillis() - t0 < 60_000) {
      Thread.sleep(100);
      byStatus = statuses(db);
    }
    if (byStatus.containsKey("PROCESSING")) {
      errors.addAndGet(byStatus.get("PROCESSING"));
      report.note("%d deliveries still PROCESSING a minute after their receipt",
          byStatus.get("PROCESSING"));
    } else {
      report.note("every attempt on record %d ms after the last receipt",
          System.currentTimeMillis() - t0);
    }
    return byStatus;
  }

  private java.util.Map<String, Long> statuses(String db) throws java.sql.SQLException {
    java.util.Map<String, Long> out = new java.util.TreeMap<>();
    try (Connection c = pg.connect(db); PreparedStatement ps = c.prepareStatement(
        "SELECT status, COUNT(*) FROM aw_delivery WHERE subscriber_id = ? GROUP BY status")) {
      ps.setLong(1, subscriber);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return out;
  }

  private long count(String db, String sql) {
    return FeedLoad.count(pg, db, sql);
  }

  static long pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return -1;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
