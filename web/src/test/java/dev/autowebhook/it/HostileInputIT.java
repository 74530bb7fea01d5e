package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.HostileCases.Case;
import dev.autowebhook.it.HostileCases.Expect;
import dev.autowebhook.it.HostileCases.Operation;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Postgres;
import dev.autowebhook.it.support.TableChecksums;
import dev.autowebhook.it.support.TableChecksums.Snapshot;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the OpenAPI document gets hostile requests generated from its schemas
 * ({@link HostileCases}): malformed JSON, wrong content types, oversized bodies, wrong types and
 * boundary values for each parameter and body property, invalid enums and dates, missing
 * required properties, and one anonymous request. Every answer must be below 500; an answer to
 * bad input must be a 4xx RFC 9457 problem ({@code application/problem+json} whose
 * {@code status} is the HTTP status) with one of {@link #ACCEPTED} (404 also for a path value
 * that names nothing), 413 for the oversized bodies, 401 without credentials; and after every
 * 4xx every application table of the server's database has the same row count and content
 * checksum as before (nothing half-saved).
 *
 * <p>Runs on a server of its own (database {@code hostile}): the dispatcher and the job timers
 * are off, so that nothing but the requests changes the tables, and operations that would
 * disturb the rest of the run ({@link #LAST}) go last. The generator is seeded: the seed is
 * printed and {@code -Dhostile.seed=<n>} repeats a run; {@code -Dhostile.cases=<n>} caps the
 * requests per operation (default {@value #DEFAULT_CASES}) to bound the run time.
 */
class HostileInputIT {

  static final int DEFAULT_CASES = 14;
  /** Request limit of the server under test, and the size of the oversized bodies. */
  static final int MAX_REQUEST_BYTES = 2 * 1024 * 1024;
  static final int OVERSIZE_BYTES = MAX_REQUEST_BYTES + 1024 * 1024;
  /** The 4xx statuses bad input may get (405: an emptied path value names the collection). */
  static final Set<Integer> ACCEPTED = Set.of(400, 401, 404, 405, 409, 413, 415, 422);
  /** Changed by the server's own timers (statistics, the feed sequencer's lock). */
  static final Set<String> VOLATILE_TABLES = Set.of("aw_delivery_minute", "aw_feed_lock");
  /** Operations that start jobs, delete by age, import or clear: sent after all others. */
  static final Set<String> LAST = Set.of("importConfig", "runFeedRetention", "startJob",
      "restartJobExecution", "stopJobExecution", "clearInbox");
  /** Bodies for operations whose document has no example and no required properties. */
  static final Map<String, String> BASES = Map.of(
      "registerDevice", "{\"device_id\":\"hostile-device\",\"app_type\":\"sales\"}",
      "acknowledgeSync", "{\"cursor\":\"0\"}",
      "resetSyncState", "{\"cursor\":\"0\"}",
      "issueToken", "{\"username\":\"" + AppServer.ADMIN_USER + "\",\"name\":\"hostile\"}");
  static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
  static final Pattern ID_OF = Pattern.compile("Id of the (.+)");
  /** An encoded NUL or backslash in a path: Payara's HTTP layer answers 400 without a body. */
  static final Pattern CONTAINER_REFUSED = Pattern.compile("(?i)%00|%5c");

  static AppServer server;
  static TableChecksums checksums;

  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  final Map<String, String> firstIds = new HashMap<>();
  JsonObject doc;
  Map<String, String> collectionOfSchema;
  Map<String, String> referenceCollections;

  @BeforeAll
  static void startServer() throws Exception {
    Postgres postgres = Postgres.instance();
    String url = postgres.createDatabase("hostile");
    server = AppServer.builder("hostile").database(url, postgres.user(), postgres.password())
        .env("AUTOWEBHOOK_DISPATCHER_ENABLED", "false")
        .env("AUTOWEBHOOK_JOBS_EVENT_CLEANUP_AT", "off")
        .env("AUTOWEBHOOK_JOBS_AUDIT_CLEANUP_AT", "off")
        .env("AUTOWEBHOOK_JOBS_FEED_ARCHIVAL_AT", "off")
        .env("AUTOWEBHOOK_API_MAX_REQUEST_BYTES", Integer.toString(MAX_REQUEST_BYTES))
        .build().start();
    checksums = new TableChecksums(postgres.connect("hostile"), VOLATILE_TABLES);
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (checksums != null) {
      checksums.close();
    }
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void everyOperationRefusesHostileInputWithAProblemAndSavesNothing() {
    long seed = Long.getLong("hostile.seed", System.currentTimeMillis());
    int cap = Integer.getInteger("hostile.cases", DEFAULT_CASES);
    System.out.printf("[hostile] seed %d (repeat with -Dhostile.seed=%d), at most %d requests"
        + " per operation; tables compared: %s%n", seed, seed, cap, checksums.tables());
    System.out.printf("[hostile] sent last: %s; DELETE operations get hostile path values only,"
        + " never the fixture's id%n", new java.util.TreeSet<>(LAST));
    long started = System.nanoTime();

    doc = json(send(new Case("document", Expect.ANY, "GET", "/openapi?format=JSON", null, null,
        true)).body()).asJsonObject();
    indexReferences();
    HostileCases cases = new HostileCases(doc, OVERSIZE_BYTES, this::reference);

    Snapshot empty = checksums.settled(200, 50);
    List<Operation> ops = operations(cases, new Random(seed));
    createFixtures(ops);
    Snapshot baseline = checksums.settled(200, 50);
    assertThat(empty.differences(baseline)).as("the checksums see the fixtures")
        .containsKeys("partner", "sale_order", "aw_template");
    ops = operations(cases, new Random(seed)); // again: the fixtures' ids are known now

    List<String> failures = new ArrayList<>();
    Map<String, int[]> counts = new TreeMap<>();
    int sent = 0;
    for (Operation op : ops) {
      Random random = new Random(seed ^ op.key().hashCode());
      int[] c = counts.computeIfAbsent(op.key(), k -> new int[3]);
      for (Case hostile : cases.of(op, random, cap)) {
        HttpResponse<String> r = send(hostile);
        sent++;
        c[0]++;
        String problem = check(hostile, r);
        if (r.statusCode() >= 200 && r.statusCode() < 300) {
          c[2]++;
          baseline = checksums.settled(150, 60);
        } else {
          c[1]++;
          Snapshot after = checksums.take();
          Map<String, String> changed = baseline.differences(after);
          if (!changed.isEmpty() && problem == null) {
            problem = "refused with " + r.statusCode() + " but changed " + changed;
          }
          if (!changed.isEmpty()) {
            baseline = checksums.settled(150, 60);
          }
        }
        if (problem != null) {
          failures.add(hostile + "\n    -> " + problem);
        }
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    counts.forEach((k, c) -> System.out.printf("[hostile] %-62s %3d requests: %3d refused,"
        + " %2d accepted%n", k, c[0], c[1], c[2]));
    System.out.printf("[hostile] %d operations, %d requests in %.1f s, %d failures (seed %d)%n",
        counts.size(), sent, seconds, failures.size(), seed);
    failures.forEach(f -> System.out.println("[hostile] FAILED " + f));
    assertThat(counts).as("every operation of the document").hasSize(ops.size());
    assertThat(failures).as("hostile requests answered wrongly (seed " + seed + ")").isEmpty();
  }

  /** Null when the answer is right for the case, else what is wrong with it. */
  static String check(Case c, HttpResponse<String> r) {
    int status = r.statusCode();
    if (status >= 500) {
      return "HTTP " + status + ": " + HostileCases.abbreviate(r.body(), 400);
    }
    if (status < 400) {
      return switch (c.expect()) {
        case ANY -> null;
        default -> "accepted with " + status + " although " + c.expect() + " was expected: "
            + HostileCases.abbreviate(r.body(), 300);
      };
    }
    String pathOnly = c.path().contains("?") ? c.path().substring(0, c.path().indexOf('?'))
        : c.path();
    if (status == 400 && r.body().isEmpty() && CONTAINER_REFUSED.matcher(pathOnly).find()) {
      return null; // the HTTP layer refuses these in a path before the application sees them
    }
    String type = r.headers().firstValue("content-type").orElse("");
    if (!type.startsWith("application/problem+json")) {
      return "HTTP " + status + " with content type '" + type + "', not a problem: "
          + HostileCases.abbreviate(r.body(), 300);
    }
    try {
      JsonObject p = json(r.body()).asJsonObject();
      if (p.getInt("status", -1) != status || p.getString("title", "").isBlank()) {
        return "HTTP " + status + " with a problem without matching status and title: "
            + r.body();
      }
    } catch (RuntimeException | AssertionError e) {
      return "HTTP " + status + " with a problem that is not a JSON object: " + r.body();
    }
    return switch (c.expect()) {
      case UNAUTHORIZED -> status == 401 ? null : "expected 401, got " + status;
      case TOO_LARGE -> status == 413 || c.anonymous() && status == 401 ? null
          : "expected 413, got " + status + ": " + HostileCases.abbreviate(r.body(), 300);
      default -> ACCEPTED.contains(status) ? null
          : "HTTP " + status + " is not one of " + ACCEPTED + ": " + r.body();
    };
  }

  // -----------------------------------------------------------------------------------------------
  // the document

  /** Every operation with a valid body and existing path values; {@link #LAST} at the end. */
  List<Operation> operations(HostileCases cases, Random random) {
    List<Operation> first = new ArrayList<>();
    List<Operation> last = new ArrayList<>();
    JsonArray globalSecurity = doc.getJsonArray("security");
    new TreeMap<>(doc.getJsonObject("paths")).forEach((template, itemValue) -> {
      JsonObject item = itemValue.asJsonObject();
      item.forEach((method, opValue) -> {
        if (!METHODS.contains(method)) {
          return;
        }
        JsonObject op = opValue.asJsonObject();
        List<JsonObject> params = new ArrayList<>();
        for (JsonObject source : List.of(item, op)) {
          if (source.containsKey("parameters")) {
            source.getJsonArray("parameters").forEach(p -> params.add(p.asJsonObject()));
          }
        }
        String mediaType = null;
        JsonObject schema = null;
        JsonValue base = null;
        boolean required = false;
        if (op.containsKey("requestBody")) {
          JsonObject rb = op.getJsonObject("requestBody");
          required = rb.getBoolean("required", false);
          JsonObject content = rb.getJsonObject("content");
          mediaType = content.containsKey(HostileCases.JSON) ? HostileCases.JSON
              : content.keySet().iterator().next();
          JsonObject media = content.getJsonObject(mediaType);
          schema = media.getJsonObject("schema");
          base = base(op.getString("operationId"), media, schema, cases, random);
        }
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (JsonObject p : params) {
          if (p.getString("in").equals("path")) {
            String name = p.getString("name");
            String list = template.substring(0, template.indexOf("/{" + name + "}"));
            String id = firstId(list, name.equals("id") ? "id" : name);
            pathValues.put(name, id == null ? "1" : id);
          }
        }
        JsonArray security = op.containsKey("security") ? op.getJsonArray("security")
            : globalSecurity;
        boolean open = security.isEmpty() || security.stream()
            .anyMatch(s -> s.asJsonObject().isEmpty());
        Operation o = new Operation(method.toUpperCase(), template, op, params, mediaType,
            schema, required, base, pathValues, open);
        (LAST.contains(op.getString("operationId")) ? last : first).add(o);
      });
    });
    first.addAll(last);
    return first;
  }

  /** A valid body: {@link #BASES}, else the document's first example, else one made from the schema. */
  JsonValue base(String operationId, JsonObject media, JsonObject schema, HostileCases cases,
      Random random) {
    JsonObject resolved = schema == null ? null : cases.resolve(schema);
    if (resolved == null || HostileCases.type(resolved).equals("string")) {
      return null; // no body, or any bytes (the inbox)
    }
    if (BASES.containsKey(operationId)) {
      return json(BASES.get(operationId));
    }
    if (media.containsKey("examples")) {
      JsonValue value = media.getJsonObject("examples").values().iterator().next().asJsonObject()
          .get("value");
      if (value instanceof JsonObject o) {
        return withReferences(o);
      }
    }
    return HostileCases.type(resolved).equals("array") ? Json.arr().build()
        : cases.sample("body", resolved, random);
  }

  /** The example with its ids replaced by ids of records that exist here. */
  JsonObject withReferences(JsonObject example) {
    JsonObjectBuilder b = Json.obj();
    example.forEach((k, v) -> {
      Long ref = k.endsWith("_id") && v instanceof JsonNumber ? reference(k) : null;
      if (ref != null) {
        b.add(k, ref);
      } else if (k.endsWith("_ids") && v instanceof JsonArray) {
        Long id = reference(k);
        b.add(k, id == null ? Json.arr() : Json.arr().add(id));
      } else {
        b.add(k, v);
      }
    });
    return b.build();
  }

  /** Where the ids of each reference property live, from the descriptions "Id of the …". */
  void indexReferences() {
    collectionOfSchema = new HashMap<>();
    doc.getJsonObject("paths").forEach((path, item) -> {
      JsonObject post = item.asJsonObject().getJsonObject("post");
      if (post != null && post.containsKey("requestBody") && path.matches("/api/v1/[a-z-]+")) {
        String schema = post.getJsonObject("requestBody").toString();
        Matcher m = Pattern.compile("#/components/schemas/(\\w+)").matcher(schema);
        if (m.find()) {
          collectionOfSchema.put(m.group(1), path);
        }
      }
    });
    referenceCollections = new HashMap<>();
    referenceCollections.put("subscriber", "/api/v1/admin/subscribers");
    referenceCollections.put("template", "/api/v1/admin/templates");
    referenceCollections.put("record", "/api/v1/sale-orders");
    doc.getJsonObject("components").getJsonObject("schemas").forEach((n, s) -> {
      JsonObject props = s.asJsonObject().getJsonObject("properties");
      if (props == null) {
        return;
      }
      props.forEach((p, ps) -> {
        Matcher m = ID_OF.matcher(ps.asJsonObject().getString("description", ""));
        if (m.matches() && p.endsWith("_id")) {
          StringBuilder camel = new StringBuilder();
          for (String w : m.group(1).split(" ")) {
            camel.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
          }
          String collection = collectionOfSchema.get(camel.toString());
          if (collection != null) {
            referenceCollections.put(p.substring(0, p.length() - 3), collection);
          }
        }
      });
    });
  }

  /** An existing id for a reference property such as {@code partner_id}, or null. */
  Long reference(String property) {
    String stem = property.replaceAll("_ids?$", "");
    String collection = referenceCollections.get(stem);
    if (collection == null) {
      return null;
    }
    String id = firstId(collection, "id");
    return id == null ? null : Long.parseLong(id);
  }

  /** The first id (or name) a list answers, cached once found. */
  String firstId(String list, String key) {
    String cacheKey = list + "#" + key;
    if (firstIds.get(cacheKey) != null) {
      return firstIds.get(cacheKey);
    }
    HttpResponse<String> r = send(new Case("fixture", Expect.ANY, "GET", list, null, null, false));
    String id = r.statusCode() == 200 ? HostileCases.firstId(json(r.body()), key) : null;
    firstIds.put(cacheKey, id);
    return id;
  }

  /**
   * One valid record per creatable collection (twice round, for those that reference others),
   * so that path values and references name things that exist.
   */
  void createFixtures(List<Operation> ops) {
    for (int round = 0; round < 2; round++) {
      for (Operation op : ops) {
        boolean creates = op.method().equals("POST") && op.base() != null
            && doc.getJsonObject("paths").getJsonObject(op.template()).containsKey("get")
            && !LAST.contains(op.op().getString("operationId"));
        if (!creates || firstId(op.template(), "id") != null) {
          continue;
        }
        JsonValue body = op.base() instanceof JsonObject o ? withReferences(o) : op.base();
        HttpResponse<String> r = send(new Case("fixture", Expect.ANY, "POST", op.template(),
            HostileCases.JSON, HostileCases.bytes(body.toString()), false));
        firstIds.remove(op.template() + "#id");
        if (round == 1 && r.statusCode() >= 300) {
          System.out.printf("[hostile] no fixture for %s: %d %s%n", op.key(), r.statusCode(),
              HostileCases.abbreviate(r.body(), 200));
        }
      }
    }
    firstIds.clear();
  }

  // -----------------------------------------------------------------------------------------------

  HttpResponse<String> send(Case c) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + c.path()))
        .timeout(Duration.ofSeconds(60))
        .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(c.body()));
    if (c.contentType() != null) {
      b.header("Content-Type", c.contentType());
    }
    if (!c.anonymous()) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (AppServer.ADMIN_USER + ":" + AppServer.ADMIN_PASSWORD)
              .getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(c + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static JsonValue json(String text) {
    try (JsonReader reader = jakarta.json.Json.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }
}
