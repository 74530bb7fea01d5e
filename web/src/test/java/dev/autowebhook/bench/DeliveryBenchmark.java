package dev.autowebhook.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Postgres;
import dev.autowebhook.it.support.Receiver;
import dev.autowebhook.it.support.Receiver.Received;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * End-to-end delivery benchmark (not part of the test suite; run with {@code -Pbench}): N sale
 * orders created through the REST API by concurrent clients on PostgreSQL, each captured and
 * delivered to a loopback receiver. Reports write rate, deliveries/s and capture-to-receipt
 * latency (from the event timestamp, taken before the commit, to arrival at the receiver).
 */
class DeliveryBenchmark {

  @Test
  void measure() throws Exception {
    int events = Integer.getInteger("bench.events", 3000);
    int clients = Integer.getInteger("bench.clients", 8);
    int warmup = Integer.getInteger("bench.warmup", 300);
    Postgres pg = Postgres.instance();
    String db = "bench_" + System.nanoTime();
    AppServer server = AppServer.builder("bench")
        .database(pg.createDatabase(db), pg.user(), pg.password())
        .jvmArg("-Xmx1g").jvmArg(System.getProperty("bench.serverJvmArg", "-Dbench=true"))
        .build().start();
    try (Receiver receiver = Receiver.start()) {
      Api api = server.admin();
      String path = Receiver.newPath();
      long sub = api.post("/api/v1/admin/subscribers", Json.obj().add("name", "bench")
              .add("endpoint_url", receiver.url(path)).add("max_concurrency", 32).build())
          .expect(201).json().getJsonNumber("id").longValue();
      for (JsonValue v : api.get("/api/v1/admin/configs").expect(200).jsonArray()) {
        JsonObject c = v.asJsonObject();
        boolean orders = c.getString("model").equals("sale.order");
        api.put("/api/v1/admin/configs/" + c.getJsonNumber("id"), Json.obj().add("subscriber_ids",
            orders ? jakarta.json.Json.createArrayBuilder().add(sub)
                : jakarta.json.Json.createArrayBuilder()).build()).expect(200);
      }
      long partner = api.post("/api/v1/partners", Json.obj().add("name", "Bench Partner")
          .build()).expect(201).json().getJsonNumber("id").longValue();

      run(api, partner, warmup, clients, "w");
      receiver.awaitRequests(path, warmup, Duration.ofMinutes(2));
      receiver.clear();

      long t0 = System.currentTimeMillis();
      long writesDone = run(api, partner, events, clients, "m");
      List<Received> got = receiver.awaitRequests(path, events, Duration.ofMinutes(10));
      long last = got.stream().mapToLong(Received::receivedAtMillis).max().orElseThrow();

      List<Long> latencies = new ArrayList<>();
      HashSet<String> ids = new HashSet<>();
      for (Received r : got) {
        ids.add(r.header("webhook-id"));
        long stamped = OffsetDateTime.parse(r.json().getString("timestamp")).toInstant()
            .toEpochMilli();
        latencies.add(r.receivedAtMillis() - stamped);
      }
      Collections.sort(latencies);
      double writeSeconds = (writesDone - t0) / 1000.0;
      double deliverSeconds = (last - t0) / 1000.0;
      long sent = api.get("/api/v1/admin/events?status=sent&limit=1&subscriber_id=" + sub)
          .expect(200).json().getJsonNumber("total").longValue();
      String table = String.format(Locale.ROOT, """
          Auto Webhook delivery benchmark (PostgreSQL %s, Payara Micro, loopback receiver)
          | metric                                  | value      |
          |-----------------------------------------|------------|
          | business writes (REST POST, %2d clients) | %6d     |
          | write rate                              | %8.1f/s |
          | deliveries received                     | %6d     |
          | distinct webhook-ids                    | %6d     |
          | deliveries/s (first write to last receipt) | %8.1f/s |
          | capture-to-receipt latency p50          | %6d ms  |
          | capture-to-receipt latency p95          | %6d ms  |
          | capture-to-receipt latency p99          | %6d ms  |
          | deliveries with status sent             | %6d     |
          """, "14", clients, events, events / writeSeconds, got.size(), ids.size(),
          events / deliverSeconds, pct(latencies, 50), pct(latencies, 95), pct(latencies, 99),
          sent);
      assertThat(ids).as("no event lost").hasSize(events);
      assertThat(sent).as("every delivery recorded as sent").isEqualTo(events + warmup);

      int backlog = Integer.getInteger("bench.backlog", 5000);
      long config = configId(api, "sale.order");
      double single = drain(api, receiver, sub, partner, backlog, "s");
      api.put("/api/v1/admin/configs/" + config, Json.obj().add("batch_enabled", true)
          .add("batch_size", 100).add("batch_timeout_seconds", 1).build()).expect(200);
      double batched = drain(api, receiver, sub, partner, backlog, "b");
      table += String.format(Locale.ROOT, """

          Draining a backlog of %d events queued while the subscriber was disabled
          | mode                                    | events/s   |
          |-----------------------------------------|------------|
          | one request per event                   | %8.1f/s |
          | batched (batch_size 100)                | %8.1f/s |
          | ratio batched / single                  | %8.1f×  |
          """, backlog, single, batched, batched / single);
      System.out.println(table);
      write(table);
    } finally {
      server.stop();
    }
  }

  private static long configId(Api api, String model) {
    for (JsonValue v : api.get("/api/v1/admin/configs").expect(200).jsonArray()) {
      if (v.asJsonObject().getString("model").equals(model)) {
        return v.asJsonObject().getJsonNumber("id").longValue();
      }
    }
    throw new AssertionError("no config for " + model);
  }

  /**
   * Queues {@code count} events while the subscriber is disabled (bulk writes of 100), enables it
   * and measures how fast the backlog reaches the receiver: events per second, counting the
   * events inside batch requests.
   */
  private static double drain(Api api, Receiver receiver, long sub, long partner, int count,
      String tag) throws InterruptedException {
    api.put("/api/v1/admin/subscribers/" + sub, Json.obj().add("enabled", false).build())
        .expect(200);
    for (int from = 0; from < count; from += 100) {
      jakarta.json.JsonArrayBuilder orders = jakarta.json.Json.createArrayBuilder();
      for (int i = from; i < Math.min(count, from + 100); i++) {
        orders.add(Json.obj().add("name", tag + "-" + i).add("partner_id", partner)
            .add("lines", jakarta.json.Json.createArrayBuilder().add(Json.obj()
                .add("description", "Item").add("quantity", 1).add("price_unit", 10))));
      }
      api.post("/api/v1/sale-orders/batch", orders.build().toString()).expect(200);
    }
    receiver.clear();
    long t0 = System.currentTimeMillis();
    api.put("/api/v1/admin/subscribers/" + sub, Json.obj().add("enabled", true).build())
        .expect(200);
    long deadline = t0 + Duration.ofMinutes(10).toMillis();
    while (true) {
      List<Received> got = receiver.requests();
      int events = 0;
      long last = t0;
      for (Received r : got) {
        JsonObject body = r.json();
        events += body.containsKey("events") ? body.getJsonArray("events").size() : 1;
        last = Math.max(last, r.receivedAtMillis());
      }
      if (events >= count) {
        return count / ((last - t0) / 1000.0);
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("only " + events + " of " + count + " events arrived");
      }
      Thread.sleep(50);
    }
  }

  private static long run(Api api, long partner, int count, int clients, String tag)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        futures.add(pool.submit(() -> {
          for (int i = client; i < count; i += clients) {
            api.post("/api/v1/sale-orders", Json.obj().add("name", tag + "-" + i)
                .add("partner_id", partner).add("lines", jakarta.json.Json.createArrayBuilder()
                    .add(Json.obj().add("description", "Item").add("quantity", 1)
                        .add("price_unit", 10 + i % 90))).build()).expect(201);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      return System.currentTimeMillis();
    } finally {
      pool.shutdown();
    }
  }

  private static long pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return -1;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  private static void write(String table) throws IOException {
    Path out = Path.of(System.getProperty("it.work.dir", "target/it"), "..", "bench-result.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table);
  }
}
