package dev.autowebhook.it.fault;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.ApiResponse;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Poll;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Business writes through the REST API while a fault happens: each thread creates, in turn, a
 * partner ({@code res.partner}, medium priority), a sale order for it ({@code sale.order}, high)
 * and a product template ({@code product.template}, low), round-robin over the given nodes, with
 * a pause between calls (and a longer one after a failure, so a dead node is not hammered). Every
 * call is recorded, answered or not, so a scenario can check that each 2xx write has its event.
 */
final class Load {

  /** The three models the load writes, with the REST collection and the default priority. */
  static final List<String> MODELS = List.of("sale.order", "res.partner", "product.template");

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);
  private static final long PAUSE_AFTER_FAILURE_MILLIS = 250;
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  /**
   * One business call: the model written, the HTTP status (-1: no answer), the record id, the
   * body, content type and {@code Retry-After} of a failure, and when the call started and ended
   * ({@code atMillis}).
   */
  record Write(String model, int status, String recordId, String error, String contentType,
      String retryAfter, long startedMillis, long atMillis) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final List<Api> nodes;
  private final int threads;
  private final long pauseMillis;
  private final List<Write> writes = new ArrayList<>(); // guarded by itself
  private final List<Thread> workers = new ArrayList<>();
  private final AtomicInteger turn = new AtomicInteger();
  private final AtomicInteger calls = new AtomicInteger();
  private volatile int limit = Integer.MAX_VALUE;
  private volatile boolean running;

  /** {@code threads} writers over {@code nodes}, pausing {@code pause} after each call. */
  Load(List<Api> nodes, int threads, Duration pause) {
    this.nodes = List.copyOf(nodes);
    this.threads = threads;
    this.pauseMillis = pause.toMillis();
  }

  /** Makes no more than {@code calls} calls in all (set before {@link #start}). */
  Load limit(int calls) {
    this.limit = calls;
    return this;
  }

  Load start() {
    running = true;
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(this::run, "fault-load-" + i);
      t.setDaemon(true);
      workers.add(t);
      t.start();
    }
    return this;
  }

  /** Waits until the writers stopped by themselves (after {@link #limit}) or {@code timeout}. */
  void awaitDone(Duration timeout) {
    Poll.until(timeout, "the load's last call", () -> workers.stream().noneMatch(Thread::isAlive));
  }

  /** Stops the writers and waits for their last call to end. */
  void stop() {
    running = false;
    for (Thread t : workers) {
      try {
        t.join(STOP_TIMEOUT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while stopping the load", e);
      }
      if (t.isAlive()) {
        throw new IllegalStateException(t.getName() + " did not stop within " + STOP_TIMEOUT);
      }
    }
  }

  List<Write> writes() {
    synchronized (writes) {
      return List.copyOf(writes);
    }
  }

  long succeeded() {
    return writes().stream().filter(Write::ok).count();
  }

  /** 2xx writes answered after {@code sinceMillis}. */
  long succeededSince(long sinceMillis) {
    return writes().stream().filter(w -> w.ok() && w.atMillis() >= sinceMillis).count();
  }

  /** Waits until {@code count} writes answered 2xx after {@code sinceMillis}. */
  void awaitSucceededSince(long sinceMillis, int count, Duration timeout) {
    Poll.until(timeout, count + " business writes answered 2xx", () -> succeededSince(sinceMillis)
        >= count);
  }

  private void run() {
    String partner = null;
    int step = 0;
    while (running && calls.incrementAndGet() <= limit) {
      Api api = nodes.get(Math.floorMod(turn.getAndIncrement(), nodes.size()));
      Write w;
      if (partner == null || step % 3 == 0) {
        w = write(api, "res.partner", "/api/v1/partners", Json.obj().add("name", name("Partner"))
            .add("email", "ops@example.com").build().toString());
        if (w.ok()) {
          partner = w.recordId();
        }
      } else if (step % 3 == 1) {
        w = write(api, "sale.order", "/api/v1/sale-orders", Json.obj().add("name", name("SO"))
            .add("partner_id", Long.parseLong(partner))
            .add("lines", Json.arr().add(Json.obj().add("description", "Widget")
                .add("quantity", 2).add("price_unit", 100).add("tax_rate", 20)))
            .build().toString());
      } else {
        w = write(api, "product.template", "/api/v1/product-templates",
            Json.obj().add("name", name("Gadget")).add("list_price", 12.5).build().toString());
      }
      step++;
      synchronized (writes) {
        writes.add(w);
      }
      sleep(w.ok() ? pauseMillis : PAUSE_AFTER_FAILURE_MILLIS);
    }
  }

  private static Write write(Api api, String model, String path, String body) {
    long started = System.currentTimeMillis();
    try {
      ApiResponse r = api.send("POST", path, "application/json", body, CALL_TIMEOUT);
      String id = r.status() == 201 ? r.json().getJsonNumber("id").toString() : null;
      return new Write(model, r.status(), id, r.status() == 201 ? null : r.body(),
          r.header("Content-Type"), r.header("Retry-After"), started, System.currentTimeMillis());
    } catch (UncheckedIOException | IllegalStateException e) {
      return new Write(model, -1, null, e.getMessage(), null, null, started,
          System.currentTimeMillis());
    }
  }

  private static String name(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
