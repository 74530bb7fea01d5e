package dev.autowebhook.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The smoke test of one application server: embedded PostgreSQL, then the server's own scripts in
 * {@code server-config/<server>/} (configure, deploy, start) on the unpacked distribution, then
 * through the REST API a webhook subscriber (a loopback receiver) and a JMS subscriber (a topic of
 * the server's own broker) for sale orders; a sale order is created and confirmed, and both
 * events must reach the receiver and a JMS consumer of the topic. Then the operations side: a
 * batch job (XML and steps in the EAR's batch-jobs module) runs to completion, readiness is UP
 * (with the app's checks where the server lists them), and /metrics counts the sent deliveries. The server is stopped at the end
 * (stop.sh); on a failure the tails of the script output and of the server log are printed.
 */
abstract class ServerSmokeTest {

  static final String ADMIN_USER = "admin";
  static final String ADMIN_PASSWORD = "admin-secret-1";
  static final String TOPIC = "autowebhook_events";
  static final Duration WAIT = Duration.ofSeconds(60);
  static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(6);

  /** A non-durable subscription to a topic, open until closed. */
  interface TopicConsumer extends AutoCloseable {
    /** The bodies of the next {@code count} text messages, waiting up to {@code timeout} in all. */
    List<String> receive(int count, Duration timeout) throws Exception;
  }

  /** The receive call of a JMS consumer (simplified or classic API). */
  interface Next {
    Message receive(long timeoutMillis) throws Exception;
  }

  /** A topic consumer that takes messages with {@code next} and closes with {@code close}. */
  static TopicConsumer consumer(String topic, Next next, AutoCloseable close) {
    return new TopicConsumer() {
      @Override
      public List<String> receive(int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> got = new ArrayList<>();
        while (got.size() < count) {
          long left = (deadline - System.nanoTime()) / 1_000_000;
          Message m = left > 0 ? next.receive(left) : null;
          if (m == null) {
            throw new AssertionError("Expected " + count + " message(s) on topic " + topic
                + " within " + timeout + " but got " + got);
          }
          got.add(((TextMessage) m).getText());
        }
        return got;
      }

      @Override
      public void close() throws Exception {
        close.close();
      }
    };
  }

  static final Path SMOKE_DIR = Path.of(System.getProperty("smoke.dir", "target/smoke")).toAbsolutePath();
  static final Path SCRIPTS = Path.of(System.getProperty("smoke.scripts", "../server-config")).toAbsolutePath();

  /** The directory of the server's scripts under server-config/ (and of its files under target/smoke). */
  abstract String server();

  /** Where the server runs (install dir, ports) in the scripts' terms. */
  abstract Map<String, String> serverEnv();

  abstract int httpPort();

  /** Where the server serves MicroProfile Health readiness. */
  abstract String healthUrl();

  /** The application's readiness checks this server lists. */
  abstract List<String> appReadinessChecks();

  /** Runs before configure.sh. */
  void prepare(Map<String, String> env, Path log) throws Exception {}

  abstract Path serverLog();

  abstract TopicConsumer subscribe(String topic) throws Exception;

  @Test
  void aSaleOrderChangeReachesAWebhookReceiverAndAJmsTopic() throws Exception {
    Path work = SMOKE_DIR.resolve(server() + "-run");
    Files.createDirectories(work);
    Path scriptLog = work.resolve("scripts.log");
    Files.deleteIfExists(scriptLog);
    long testStart = System.nanoTime();
    try (SmokeDb db = SmokeDb.start(work.resolve("postgres"), "autowebhook");
         Receiver receiver = new Receiver()) {
      Map<String, String> env = new LinkedHashMap<>(serverEnv());
      env.put("EAR", System.getProperty("smoke.ear"));
      env.put("AUTOWEBHOOK_DB_URL", db.jdbcUrl());
      env.put("AUTOWEBHOOK_DB_USER", SmokeDb.USER);
      env.put("AUTOWEBHOOK_DB_PASSWORD", SmokeDb.PASSWORD);
      env.put("AUTOWEBHOOK_JMS_TOPIC", TOPIC);
      env.put("AUTOWEBHOOK_ADMIN_USER", ADMIN_USER);
      env.put("AUTOWEBHOOK_ADMIN_PASSWORD", ADMIN_PASSWORD);
      env.put("AUTOWEBHOOK_ALLOWED_TARGETS", "127.0.0.0/8");
      env.put("AUTOWEBHOOK_RETRY_BASE_SECONDS", "1");
      boolean started = false;
      try {
        prepare(env, scriptLog);
        long t0 = System.nanoTime();
        run("configure.sh", env, scriptLog);
        long t1 = System.nanoTime();
        run("deploy.sh", env, scriptLog);
        run("start.sh", env, scriptLog);
        started = true;
        Api api = new Api("http://127.0.0.1:" + httpPort(), ADMIN_USER, ADMIN_PASSWORD);
        awaitApi(api);
        long t2 = System.nanoTime();
        System.out.printf("[smoke] %s: configure %.1f s, deploy + start until the API answers %.1f s%n",
            server(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);

        scenario(api, receiver);
      } catch (Throwable e) {
        System.err.println("[smoke] " + server() + " failed: " + e);
        System.err.println("----- last 60 lines of " + scriptLog + "\n" + tail(scriptLog, 60));
        System.err.println("----- last 120 lines of " + serverLog() + "\n" + tail(serverLog(), 120));
        throw e;
      } finally {
        if (started || Files.exists(scriptLog)) {
          try {
            run("stop.sh", env, scriptLog);
          } catch (RuntimeException | AssertionError e) {
            System.err.println("[smoke] stop.sh failed: " + e);
          }
        }
      }
    }
    System.out.printf("[smoke] %s: whole test %.1f s%n", server(), (System.nanoTime() - testStart) / 1e9);
  }

  private void scenario(Api api, Receiver receiver) throws Exception {
    String path = "/hooks/" + server();
    long http = api.post("/api/v1/admin/subscribers", Json.createObjectBuilder()
            .add("name", "smoke-http").add("endpoint_url", receiver.url(path))
            .add("timeout_seconds", 5).add("max_retries", 2).build())
        .expect(201).object().getJsonNumber("id").longValue();
    long jms = api.post("/api/v1/admin/subscribers", Json.createObjectBuilder()
            .add("name", "smoke-jms").add("kind", "jms").add("jms_destination", "topic:" + TOPIC)
            .add("timeout_seconds", 10).add("max_retries", 2).build())
        .expect(201).object().getJsonNumber("id").longValue();
    attach(api, "sale.order", http, jms);

    try (TopicConsumer consumer = subscribe(TOPIC)) {
      long partner = api.post("/api/v1/partners", Json.createObjectBuilder()
              .add("name", "Smoke Partner").add("email", "ops@example.com").build())
          .expect(201).object().getJsonNumber("id").longValue();
      long order = api.post("/api/v1/sale-orders", Json.createObjectBuilder()
              .add("name", "SO-SMOKE").add("partner_id", partner)
              .add("lines", Json.createArrayBuilder().add(Json.createObjectBuilder()
                  .add("description", "Widget").add("quantity", 2).add("price_unit", 100)
                  .add("tax_rate", 20)))
              .build())
          .expect(201).object().getJsonNumber("id").longValue();
      api.put("/api/v1/sale-orders/" + order, Json.createObjectBuilder().add("state", "sale").build())
          .expect(200);

      List<Receiver.Received> hooks = receiver.await(path, 2, WAIT);
      assertEvents(hooks.stream().map(Receiver.Received::body).toList(), order);

      List<String> messages = consumer.receive(2, WAIT);
      assertEvents(messages, order);
    }
    operations(api, http);
  }

  /** Jobs, health and metrics work on this server too. */
  private void operations(Api api, long httpSubscriber) throws InterruptedException {
    long run = api.post("/api/v1/admin/jobs/audit-cleanup/executions",
            Json.createObjectBuilder().add("audit_days", 0).build())
        .expect(202).object().getJsonNumber("id").longValue();
    String status = "";
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline && !List.of("completed", "failed").contains(status)) {
      Thread.sleep(300);
      status = api.get("/api/v1/admin/job-executions/" + run).expect(200).object()
          .getString("status");
    }
    assertThat(status).as("audit-cleanup on " + server()).isEqualTo("completed");

    Api.Response health = new Api("", ADMIN_USER, ADMIN_PASSWORD).get(healthUrl());
    assertThat(health.status()).as(health.body()).isEqualTo(200);
    assertThat(health.body()).contains("\"UP\"");
    appReadinessChecks().forEach(check -> assertThat(health.body()).contains("\"" + check + "\""));

    String metrics = api.get("/metrics").expect(200).body();
    assertThat(metrics).contains("autowebhook_deliveries_total{")
        .containsPattern("autowebhook_deliveries_total\\{[^}]*outcome=\"sent\"[^}]*subscriber=\""
            + httpSubscriber + "\"[^}]*} 2\\.0");
  }

  /** The create and the update of the order, the update with its state change. */
  private static void assertEvents(List<String> bodies, long order) {
    List<JsonObject> events = bodies.stream()
        .map(b -> Json.createReader(new StringReader(b)).readObject()).toList();
    assertThat(events).extracting(e -> e.getString("model")).containsOnly("sale.order");
    assertThat(events).extracting(e -> e.getJsonNumber("record_id").longValue()).containsOnly(order);
    // two events of one record are separate deliveries: they may arrive in either order
    assertThat(events).extracting(e -> e.getString("event"))
        .containsExactlyInAnyOrder("create", "update");
    JsonObject update = events.stream().filter(e -> e.getString("event").equals("update"))
        .findFirst().orElseThrow();
    JsonObject state = update.getJsonObject("changes").getJsonObject("state");
    assertThat(state.getString("old")).isEqualTo("draft");
    assertThat(state.getString("new")).isEqualTo("sale");
  }

  private static void attach(Api api, String model, long... subscribers) {
    for (JsonValue v : api.get("/api/v1/admin/configs").expect(200).json().asJsonArray()) {
      JsonObject c = v.asJsonObject();
      if (c.getString("model").equals(model)) {
        JsonArrayBuilder ids = Json.createArrayBuilder(c.getJsonArray("subscriber_ids"));
        Arrays.stream(subscribers).forEach(ids::add);
        JsonObjectBuilder change = Json.createObjectBuilder().add("subscriber_ids", ids);
        api.put("/api/v1/admin/configs/" + c.getJsonNumber("id"), change.build()).expect(200);
        return;
      }
    }
    throw new AssertionError("no webhook config for " + model);
  }

  /** The start scripts wait for the deployment; the API may still need a moment (first request). */
  private static void awaitApi(Api api) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        Api.Response r = api.get("/api/v1/admin/subscribers");
        if (r.status() == 200) {
          return;
        }
        last = r.status() + " " + r.body();
      } catch (UncheckedIOException e) {
        last = e.getMessage();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("The API at " + api.baseUrl() + " did not answer 200 within " + WAIT
        + ": " + last);
  }

  /** Runs server-config/<server>/<script> with {@code env}, output appended to {@code log}. */
  void run(String script, Map<String, String> env, Path log) {
    Path file = SCRIPTS.resolve(server()).resolve(script);
    long start = System.nanoTime();
    try {
      Files.writeString(log, "===== " + script + System.lineSeparator(), StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      ProcessBuilder pb = new ProcessBuilder("bash", file.toString())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      pb.environment().keySet().removeIf(k -> k.startsWith("AUTOWEBHOOK_"));
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(SCRIPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new AssertionError(script + " did not finish within " + SCRIPT_TIMEOUT);
      }
      if (p.exitValue() != 0) {
        throw new AssertionError(script + " exited with " + p.exitValue() + " (output in " + log + ")");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + file, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted running " + script, e);
    }
    System.out.printf("[smoke] %s/%s took %.1f s%n", server(), script, (System.nanoTime() - start) / 1e9);
  }

  static String tail(Path file, int lines) {
    try {
      List<String> all = Arrays.asList(Files.readString(file, StandardCharsets.UTF_8).split("\\R"));
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | RuntimeException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }

  /** True if every port is free on this machine now. */
  static boolean free(int... ports) {
    for (int port : ports) {
      try (ServerSocket s = new ServerSocket(port)) {
        s.setReuseAddress(true);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }
}
