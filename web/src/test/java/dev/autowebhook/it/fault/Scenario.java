package dev.autowebhook.it.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Receiver;
import dev.autowebhook.it.support.Receiver.Answer;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What every fault scenario shares: its own subscribers (each on a path of the scenario's
 * loopback receiver), routing of models to them, the business load, the record of what was in
 * flight when the fault struck, and the closing count check with its report row.
 *
 * <p>The count check ({@link #drain}): <b>committed</b> = the scenario's deliveries in the database
 * (one per captured change × subscriber; capture commits with the business write), cross-checked
 * against the load: every business call answered 2xx has its change event and delivery.
 * <b>Delivered</b> = distinct (subscriber, webhook-id) pairs the receiver answered 2xx;
 * <b>duplicates</b> = further 2xx answers for a pair already answered, allowed only for deliveries
 * in flight at the fault (what the scenario recorded, e.g. processing when the server was killed,
 * and any delivery with a timed-out attempt: the application gave up on a request the receiver
 * may have handled); <b>lost</b> = committed pairs never answered 2xx (must be 0). Nothing may be
 * left pending, failed or processing, in the whole database.
 */
final class Scenario implements AutoCloseable {

  /** One delivery of the scenario as the database has it once drained. */
  record Row(long id, long subscriberId, String uid, long eventId, int priorityRank,
      Timestamp createdAt, String status, int attempts, String model, String recordId,
      String kind) {
    String key() {
      return subscriberId + "/" + uid;
    }
  }

  /** The drained scenario: the report row, the deliveries and the receiver's answers. */
  record Outcome(FaultReport.Row figures, List<Row> deliveries, Map<String, List<Answer>> answers) {
    /** The webhook-ids of {@code path} in the order of their first 2xx answer. */
    List<String> firstArrivals(String path) {
      Set<String> seen = new LinkedHashSet<>();
      for (Answer a : answers.getOrDefault(path, List.of())) {
        if (a.is2xx()) {
          seen.add(a.webhookId());
        }
      }
      return List.copyOf(seen);
    }
  }

  private static final Duration SETTLE_GRACE = Duration.ofSeconds(3);

  private final String name;
  private final Api admin;
  private final Receiver receiver;
  private final Map<Long, String> paths = new LinkedHashMap<>();
  private final Map<Long, Integer> maxRetries = new HashMap<>();
  private final Set<String> routedModels = new LinkedHashSet<>();
  private final List<Load> loads = new ArrayList<>();
  private final Set<String> inFlightAtFault = new HashSet<>();
  private long healedAtMillis;

  /** A scenario named {@code name} in the report, set up through {@code admin}. */
  Scenario(String name, Api admin, Receiver receiver) {
    this.name = name;
    this.admin = admin;
    this.receiver = receiver;
  }

  /** A new http subscriber on a fresh receiver path; {@code settings} override the defaults. */
  long subscriber(JsonObjectBuilder settings) {
    String path = "/fault/" + UUID.randomUUID();
    JsonObjectBuilder b = Json.obj().add("name", "fault-" + UUID.randomUUID().toString()
            .substring(0, 8)).add("endpoint_url", receiver.url(path)).add("timeout_seconds", 5)
        .add("max_retries", 10);
    settings.build().forEach(b::add);
    JsonObject created = admin.post("/api/v1/admin/subscribers", b.build()).expect(201).json();
    long id = created.getJsonNumber("id").longValue();
    paths.put(id, path);
    maxRetries.put(id, created.getInt("max_retries"));
    return id;
  }

  String path(long subscriberId) {
    return paths.get(subscriberId);
  }

  /** Sends the changes of {@code model} to exactly these subscribers. */
  void route(String model, long... subscriberIds) {
    JsonArrayBuilder ids = Json.arr();
    for (long id : subscriberIds) {
      ids.add(id);
    }
    admin.put("/api/v1/admin/configs/" + configId(model), Json.obj().add("subscriber_ids", ids)
        .build()).expect(200);
    routedModels.add(model);
  }

  /** Routes the load's three models to {@code subscriberId}. */
  void routeLoad(long subscriberId) {
    Load.MODELS.forEach(m -> route(m, subscriberId));
  }

  /** A load over {@code nodes}, counted in the cross-check (start it yourself). */
  Load load(List<Api> nodes, int threads, Duration pause) {
    Load load = new Load(nodes, threads, pause);
    loads.add(load);
    return load;
  }

  /** The webhook-ids of this scenario's deliveries that are processing right now. */
  Set<String> processing() {
    return rows().stream().filter(r -> r.status().equals("PROCESSING")).map(Row::uid)
        .collect(Collectors.toSet());
  }

  /** These deliveries were in flight when the fault struck: they may arrive twice. */
  void inFlightAtFault(Collection<String> webhookIds) {
    inFlightAtFault.addAll(webhookIds);
  }

  /** The fault is over (or, for lasting faults, the load): the drain time is counted from now. */
  void healed() {
    healedAtMillis = System.currentTimeMillis();
  }

  /** Every business call of {@code load} answered 2xx (nothing the scenario breaks is in their way). */
  static void assertAllWritesSucceeded(Load load) {
    assertThat(load.writes()).as("business calls").isNotEmpty()
        .filteredOn(w -> !w.ok()).as("business calls that failed").isEmpty();
  }

  /** The webhook-ids that reached {@code path} at or after {@code fromMillis}. */
  Set<String> arrivedSince(String path, long fromMillis) {
    return receiver.requests(path).stream().filter(r -> r.receivedAtMillis() >= fromMillis)
        .map(r -> r.header("webhook-id")).collect(Collectors.toSet());
  }

  /**
   * Waits (at most {@code timeout}) until every delivery of the scenario is settled (sent or dead)
   * and the receiver answered all sent ones, then counts, adds the report row and checks: each 2xx
   * business write has its event, nothing lost, duplicates only among the deliveries in flight at
   * the fault, nothing unknown at the receiver, nothing pending/failed/processing anywhere, and a
   * dead letter only after all its attempts (1 + max_retries, each on record) failed. The loads
   * must have been stopped. The drain time reported is from {@link #healed} (else this call) until
   * the receiver had answered 2xx for every change committed before that moment.
   */
  Outcome drain(Duration timeout) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    long settledSince = 0;
    if (healedAtMillis == 0) {
      healed();
    }
    while (true) {
      List<Row> rows = rows();
      boolean settled = !rows.isEmpty() && rows.stream()
          .allMatch(r -> r.status().equals("SENT") || r.status().equals("DEAD"))
          && count("SELECT COUNT(*) FROM aw_delivery WHERE status = 'PROCESSING'") == 0;
      long now = System.nanoTime();
      if (settled && settledSince == 0) {
        settledSince = now;
      } else if (!settled) {
        settledSince = 0;
      }
      Set<String> delivered = delivered(answers()).keySet();
      boolean allArrived = rows.stream().allMatch(r -> delivered.contains(r.key()));
      if (settled && (allArrived || now - settledSince > SETTLE_GRACE.toNanos())
          || now > deadline) {
        break;
      }
      sleep(250);
    }
    return check(timeout);
  }

  private Outcome check(Duration timeout) {
    List<Row> rows = rows();
    // a request the application gave up on (timeout) was in flight when it did: the receiver may
    // have handled it, so it may arrive again
    inFlightAtFault.addAll(timedOut());
    Map<String, List<Answer>> answers = answers();
    Map<String, Integer> delivered = delivered(answers);
    Set<String> committed = rows.stream().map(Row::key).collect(Collectors.toSet());
    List<Load.Write> writes = loads.stream().flatMap(l -> l.writes().stream()).toList();
    int apiOk = (int) writes.stream().filter(Load.Write::ok).count();
    List<String> lost = rows.stream().filter(r -> !delivered.containsKey(r.key()))
        .map(r -> r.key() + " (" + r.status() + ", " + r.attempts() + " attempts)").toList();
    Map<String, Integer> duplicated = new TreeMap<>();
    delivered.forEach((key, n) -> {
      if (n > 1) {
        duplicated.put(key, n - 1);
      }
    });
    int duplicates = duplicated.values().stream().mapToInt(Integer::intValue).sum();
    List<Row> dead = rows.stream().filter(r -> r.status().equals("DEAD")).toList();
    double drainSeconds = drainSeconds(rows, answers);
    int inFlight = (int) rows.stream().filter(r -> inFlightAtFault.contains(r.uid())).count();
    FaultReport.Row figures = new FaultReport.Row(name, rows.size(), apiOk,
        writes.size() - apiOk, delivered.size(), lost.size(), duplicates, inFlight,
        dead.size(), drainSeconds);
    FaultReport.add(figures);

    // every business write answered 2xx has its change event, delivered to a scenario subscriber
    Set<String> captured = rows.stream()
        .map(r -> r.model() + "#" + r.recordId() + "#" + r.kind().toLowerCase())
        .collect(Collectors.toSet());
    List<String> uncaptured = writes.stream().filter(Load.Write::ok)
        .map(w -> w.model() + "#" + w.recordId() + "#create")
        .filter(k -> !captured.contains(k)).toList();
    assertThat(uncaptured).as("%s: business writes answered 2xx without a change event", name)
        .isEmpty();
    assertThat(rows).as("%s: committed changes", name).isNotEmpty();
    for (Row d : dead) {
      int max = maxRetries.get(d.subscriberId());
      assertThat(d.attempts()).as("%s: dead letter %s before its retries were exhausted", name,
          d.key()).isEqualTo(1 + max);
      assertThat(count("SELECT COUNT(*) FROM aw_attempt WHERE delivery_id = " + d.id()
          + " AND outcome <> 'SENT'")).as("%s: failed attempts on record for dead letter %s",
          name, d.key()).isGreaterThanOrEqualTo(1 + max);
    }
    assertThat(lost).as("%s: committed changes never answered 2xx by the receiver (drain %.1f s"
        + " of at most %s)", name, drainSeconds, timeout).isEmpty();
    assertThat(delivered.keySet()).as("%s: webhook-ids at the receiver that were never committed",
        name).isSubsetOf(committed);
    Set<String> unexplained = duplicated.keySet().stream()
        .filter(k -> !inFlightAtFault.contains(k.substring(k.indexOf('/') + 1)))
        .collect(Collectors.toCollection(java.util.TreeSet::new));
    assertThat(unexplained).as("%s: delivered twice although not in flight at the fault %s", name,
        inFlightAtFault).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM aw_delivery WHERE status IN"
        + " ('PENDING', 'FAILED', 'PROCESSING')")).as("%s: deliveries left pending, failed or"
        + " processing in the database", name).isZero();
    return new Outcome(figures, rows, answers);
  }

  /** From {@link #healed} until the last change committed before it was answered 2xx. */
  private double drainSeconds(List<Row> rows, Map<String, List<Answer>> answers) {
    Map<String, Long> paths = new HashMap<>();
    this.paths.forEach((id, path) -> paths.put(path, id));
    Map<String, Long> firstOk = new HashMap<>();
    answers.forEach((path, list) -> list.stream().filter(Answer::is2xx).forEach(a ->
        firstOk.putIfAbsent(paths.get(path) + "/" + a.webhookId(), a.answeredAtMillis())));
    long last = healedAtMillis;
    for (Row r : rows) {
      Long at = firstOk.get(r.key());
      if (r.createdAt().getTime() < healedAtMillis && at != null) {
        last = Math.max(last, at);
      }
    }
    return (last - healedAtMillis) / 1000.0;
  }

  /** Detaches what this scenario routed, so the next one starts from silence. */
  @Override
  public void close() {
    for (Load l : loads) {
      l.stop();
    }
    for (String model : routedModels) {
      try {
        route(model);
      } catch (RuntimeException | AssertionError e) {
        System.err.println("[fault] could not detach " + model + ": " + e);
      }
    }
  }

  // ----------------------------------------------------------------------------------------------

  private long configId(String model) {
    for (JsonValue v : admin.get("/api/v1/admin/configs").expect(200).jsonArray()) {
      if (v.asJsonObject().getString("model").equals(model)) {
        return v.asJsonObject().getJsonNumber("id").longValue();
      }
    }
    throw new AssertionError("no config for " + model);
  }

  private Map<String, List<Answer>> answers() {
    Map<String, List<Answer>> out = new LinkedHashMap<>();
    paths.values().forEach(p -> out.put(p, receiver.answers(p)));
    return out;
  }

  /** 2xx answers per subscriber/webhook-id. */
  private Map<String, Integer> delivered(Map<String, List<Answer>> answers) {
    Map<String, Long> subscriberOf = new HashMap<>();
    paths.forEach((id, path) -> subscriberOf.put(path, id));
    Map<String, Integer> out = new HashMap<>();
    answers.forEach((path, list) -> list.stream().filter(Answer::is2xx)
        .forEach(a -> out.merge(subscriberOf.get(path) + "/" + a.webhookId(), 1, Integer::sum)));
    return out;
  }

  /** Webhook-ids of the scenario's deliveries with a timed-out attempt on record. */
  private Set<String> timedOut() {
    String in = paths.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
    Set<String> out = new HashSet<>();
    try (Connection c = Rig.db(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT DISTINCT e.uid FROM aw_attempt a JOIN aw_delivery d ON d.id = a.delivery_id"
            + " JOIN aw_event e ON e.id = d.event_id WHERE a.error_class = 'Timeout'"
            + " AND d.subscriber_id IN (" + in + ")")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the timed-out attempts of " + name, e);
    }
    return out;
  }

  List<Row> rows() {
    if (paths.isEmpty()) {
      return List.of();
    }
    String in = paths.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
    List<Row> rows = new ArrayList<>();
    try (Connection c = Rig.db(); PreparedStatement ps = c.prepareStatement(
        "SELECT d.id, d.subscriber_id, e.uid, e.id, d.priority_rank, d.created_at, d.status,"
            + " d.attempts, e.model, e.record_id, e.kind FROM aw_delivery d"
            + " JOIN aw_event e ON e.id = d.event_id WHERE d.subscriber_id IN (" + in + ")"
            + " ORDER BY d.id"); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
            rs.getInt(5), rs.getTimestamp(6), rs.getString(7), rs.getInt(8), rs.getString(9),
            rs.getString(10), rs.getString(11)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the deliveries of " + name, e);
    }
    return rows;
  }

  static long count(String sql) {
    try (Connection c = Rig.db(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed", e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }
}
