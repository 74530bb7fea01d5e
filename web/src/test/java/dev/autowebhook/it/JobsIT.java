package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Poll;
import dev.autowebhook.it.support.Postgres;
import dev.autowebhook.it.support.Receiver;
import dev.autowebhook.it.support.Receiver.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The batch jobs on a server and database of their own, started over the REST API and watched
 * through it: event cleanup keeps what is not done, audit cleanup, feed archival to files (failed
 * on a blocked directory, then restarted from its checkpoint), replay to a linked and a new
 * subscriber, and bad requests refused before anything runs. Row counts are read from PostgreSQL.
 */
class JobsIT {

  static final Duration WAIT = Duration.ofSeconds(60);
  static final String DB = "jobs";
  static AppServer server;
  static Receiver receiver;
  static Path archiveDir;
  static Api api;

  @BeforeAll
  static void start() throws IOException {
    Postgres pg = Postgres.instance();
    archiveDir = Files.createTempDirectory(Postgres.workDir(), "archive").resolve("events");
    server = AppServer.builder("jobs").database(pg.createDatabase(DB), pg.user(), pg.password())
        .env("AUTOWEBHOOK_RETENTION_ARCHIVE_DIR", archiveDir.toString()).build().start();
    receiver = Receiver.start();
    api = server.admin();
  }

  @AfterAll
  static void stop() {
    receiver.close();
    server.stop();
  }

  @Test
  void eventCleanupArchivesWhatIsDoneAndKeepsWhatIsNot() {
    Fixtures fx = new Fixtures(api);
    String ok = Receiver.newPath();
    long sent = fx.subscriber(receiver.url(ok), null).getJsonNumber("id").longValue();
    fx.attach("res.partner", sent);
    List<Long> done = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      done.add(fx.partner(Fixtures.unique("Done")));
    }
    receiver.awaitRequests(ok, 3, WAIT);
    Poll.until(WAIT, "3 sent", () -> fx.deliveries(sent),
        l -> l.stream().filter(d -> d.getString("status").equals("sent")).count() >= 3);

    String down = Receiver.newPath();
    receiver.setDefault(down, Reply.status(503));
    long failing = fx.subscriber(receiver.url(down), Json.obj().add("max_retries", 20))
        .getJsonNumber("id").longValue();
    fx.attach("res.partner", failing);
    long open = fx.partner(Fixtures.unique("Open"));
    Poll.until(WAIT, "a failed delivery", () -> fx.deliveries(failing),
        l -> l.stream().anyMatch(d -> d.getString("status").equals("failed")));

    JsonObject run = finished(start("event-cleanup", Json.obj().add("retention_seconds", 0)
        .add("hard_limit_seconds", 3600)));
    assertThat(run.getString("status")).isEqualTo("completed");
    assertThat(written(run)).isGreaterThanOrEqualTo(3);
    for (long id : done) {
      assertThat(count("SELECT COUNT(*) FROM aw_event WHERE model = 'res.partner'"
          + " AND record_id = '" + id + "'")).as("sent event of partner %s gone", id).isZero();
      assertThat(count("SELECT COUNT(*) FROM aw_event_archive WHERE model = 'res.partner'"
          + " AND record_id = '" + id + "'")).as("and archived").isEqualTo(1);
    }
    assertThat(count("SELECT COUNT(*) FROM aw_event WHERE model = 'res.partner'"
        + " AND record_id = '" + open + "'")).as("an event still failing stays").isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM aw_delivery d JOIN aw_event e ON e.id = d.event_id"
        + " WHERE e.record_id = '" + open + "' AND d.status IN ('PENDING', 'FAILED',"
        + " 'PROCESSING')")).isPositive();
    fx.close();
  }

  @Test
  void auditCleanupDeletesOldLinesAndAuditsItself() {
    api.post("/api/v1/admin/users", Json.obj().add("username", Fixtures.unique("aud"))
        .add("password", "audit-pass-1").add("role", "webhook-viewer").build()).expect(201);
    Instant before = Instant.now();
    assertThat(count("SELECT COUNT(*) FROM aw_audit")).isPositive();
    JsonObject run = finished(start("audit-cleanup", Json.obj().add("audit_days", 0)));
    assertThat(run.getString("status")).isEqualTo("completed");
    assertThat(written(run)).isPositive();
    assertThat(count("SELECT COUNT(*) FROM aw_audit WHERE occurred_at < '" + before + "'"))
        .as("lines older than the run").isZero();
    assertThat(api.get("/api/v1/admin/audit?action=job.end").expect(200).body())
        .contains("\"" + run.getJsonNumber("id") + "\"").contains("audit-cleanup ended");
  }

  @Test
  void feedArchivalWritesFilesAndARestartGoesOnAfterAFailure() throws Exception {
    long base = 9_000_000_000L + System.nanoTime() % 1_000_000 * 10;
    try (Connection c = Postgres.instance().connect(DB); Statement s = c.createStatement()) {
      for (int i = 1; i <= 3; i++) {
        s.executeUpdate("INSERT INTO aw_event_archive (id, uid, model, record_id, kind, priority,"
            + " occurred_at, payload, feed_seq, archived_at) VALUES (" + (base + i) + ", 'evt_arch"
            + (base + i) + "', 'res.partner', '" + i + "', 'CREATE', 'MEDIUM', now() - interval"
            + " '400 days', '{\"id\":\"evt_arch" + (base + i) + "\"}', NULL, now())");
      }
    }
    Files.createDirectories(archiveDir.getParent());
    Files.deleteIfExists(archiveDir);
    Files.writeString(archiveDir, "a file where the directory should be");
    JsonObject failed = finished(start("feed-archival", Json.obj()));
    assertThat(failed.getString("status")).as("blocked directory").isEqualTo("failed");
    assertThat(count("SELECT COUNT(*) FROM aw_event_archive WHERE id > " + base + " AND id <= "
        + (base + 3))).as("nothing deleted by the failed chunk").isEqualTo(3);

    Files.delete(archiveDir);
    JsonObject done = finished(api.post("/api/v1/admin/job-executions/"
        + failed.getJsonNumber("id") + "/restart", "").expect(202).json());
    assertThat(done.getString("status")).isEqualTo("completed");
    assertThat(done.getJsonNumber("instance_id")).isEqualTo(failed.getJsonNumber("instance_id"));
    assertThat(count("SELECT COUNT(*) FROM aw_event_archive WHERE id > " + base + " AND id <= "
        + (base + 3))).as("moved out of the database").isZero();
    String files = readAll(archiveDir);
    for (int i = 1; i <= 3; i++) {
      assertThat(files).contains("\"uid\":\"evt_arch" + (base + i) + "\"");
    }
    api.post("/api/v1/admin/job-executions/" + done.getJsonNumber("id") + "/restart", "")
        .expect(409);
  }

  @Test
  void replaySendsARangeAgainToALinkedAndToANewSubscriber() {
    Fixtures fx = new Fixtures(api);
    String linkedPath = Receiver.newPath();
    long linked = fx.subscriber(receiver.url(linkedPath), null).getJsonNumber("id").longValue();
    fx.attach("res.partner", linked);
    Instant from = Instant.now().minusSeconds(1);
    String tag = Fixtures.unique("Replay");
    fx.partner(tag + "-1");
    fx.partner(tag + "-2");
    receiver.awaitRequests(linkedPath, 2, WAIT);
    Instant to = Instant.now().plusSeconds(1);
    String newPath = Receiver.newPath();
    long added = fx.subscriber(receiver.url(newPath), null).getJsonNumber("id").longValue();

    JsonObject run = finished(start("replay", Json.obj().add("from", from.toString())
        .add("to", to.toString()).add("models", "res.partner")
        .add("subscribers", linked + "," + added)));
    assertThat(run.getString("status")).isEqualTo("completed");
    assertThat(run.getJsonObject("parameters").getString("subscribers"))
        .isEqualTo(linked + "," + added);

    assertThat(names(receiver.awaitRequests(linkedPath, 4, WAIT), tag))
        .as("the linked subscriber gets both again").containsExactlyInAnyOrder(
            tag + "-1", tag + "-2", tag + "-1", tag + "-2");
    assertThat(names(receiver.awaitRequests(newPath, 2, WAIT), tag))
        .as("a subscriber added later gets the range (backfill)")
        .containsExactlyInAnyOrder(tag + "-1", tag + "-2");
    for (long sub : List.of(linked, added)) {
      List<JsonObject> ds = Poll.until(WAIT, "sent again", () -> fx.deliveries(sub),
          l -> l.size() >= 2 && l.stream().allMatch(d -> d.getString("status").equals("sent")));
      for (JsonObject d : ds) {
        List<JsonObject> attempts = fx.attempts(d.getJsonNumber("id").longValue());
        assertThat(attempts.get(attempts.size() - 1).getString("trigger"))
            .as("last attempt of delivery %s", d.getJsonNumber("id")).isEqualTo("replay");
      }
    }
    fx.close();
  }

  @Test
  void badRequestsAreRefusedBeforeAnythingRuns() {
    int before = api.get("/api/v1/admin/job-executions?limit=200").expect(200).jsonArray().size();
    JsonObject p = ValidationIT.problem(api.post("/api/v1/admin/jobs/replay/executions",
        Json.obj().add("from", "yesterday").add("models", "no.such").build()), 400);
    assertThat(ValidationIT.fields(p)).contains("\"from\"").contains("\"subscribers\"")
        .contains("\"models\"");
    ValidationIT.problem(api.post("/api/v1/admin/jobs/replay/executions", Json.obj()
        .add("from", "2026-01-01T00:00:00Z").add("subscribers", "987654321").build()), 400);
    assertThat(ValidationIT.fields(ValidationIT.problem(api.post(
        "/api/v1/admin/jobs/audit-cleanup/executions", Json.obj().add("audit_days", -1)
            .add("colour", "red").build()), 400))).contains("\"colour\"");
    ValidationIT.problem(api.post("/api/v1/admin/jobs/audit-cleanup/executions",
        Json.obj().add("audit_days", "soon").build()), 400);
    ValidationIT.problem(api.post("/api/v1/admin/jobs/event-cleanup/executions",
        Json.obj().add("retention_seconds", 100).add("hard_limit_seconds", 10).build()), 400);
    ValidationIT.problem(api.post("/api/v1/admin/jobs/audit-cleanup/executions",
        "{\"audit_days\": [1]}"), 400);
    ValidationIT.problem(api.post("/api/v1/admin/jobs/no-such-job/executions", "{}"), 404);
    ValidationIT.problem(api.get("/api/v1/admin/job-executions/987654321"), 404);

    String viewer = Fixtures.unique("jview");
    api.post("/api/v1/admin/users", Json.obj().add("username", viewer)
        .add("password", "viewer-pass-1").add("role", "webhook-viewer").build()).expect(201);
    Api asViewer = server.api(viewer, "viewer-pass-1");
    asViewer.post("/api/v1/admin/jobs/audit-cleanup/executions", "{}").expect(403);
    assertThat(asViewer.get("/api/v1/admin/jobs").expect(200).jsonArray())
        .extracting(v -> v.asJsonObject().getString("name"))
        .contains("event-cleanup", "audit-cleanup", "feed-archival", "replay");
    assertThat(api.get("/api/v1/admin/job-executions?limit=200").expect(200).jsonArray())
        .as("nothing was started").hasSize(before);
  }

  private static JsonObject start(String job, jakarta.json.JsonObjectBuilder params) {
    var r = api.post("/api/v1/admin/jobs/" + job + "/executions", params.build()).expect(202);
    assertThat(r.header("location")).contains("/api/v1/admin/job-executions/");
    JsonObject run = r.json();
    assertThat(run.getString("job")).isEqualTo(job);
    return run;
  }

  private static JsonObject finished(JsonObject run) {
    return Poll.until(WAIT, run.getString("job") + " finished",
        () -> api.get("/api/v1/admin/job-executions/" + run.getJsonNumber("id")).expect(200)
            .json(),
        r -> List.of("completed", "failed", "stopped", "abandoned")
            .contains(r.getString("status")));
  }

  private static long written(JsonObject run) {
    long n = 0;
    for (JsonValue s : run.getJsonArray("steps")) {
      n += s.asJsonObject().getJsonObject("counts").getJsonNumber("write").longValue();
    }
    return n;
  }

  private static List<String> names(List<Receiver.Received> requests, String tag) {
    return requests.stream().map(r -> r.json().getJsonObject("data").getString("name", ""))
        .filter(n -> n.startsWith(tag)).toList();
  }

  private static long count(String sql) {
    try (Connection c = Postgres.instance().connect(DB);
        PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static String readAll(Path dir) {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".jsonl.gz")).toList()) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
          sb.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sb.toString();
  }
}
