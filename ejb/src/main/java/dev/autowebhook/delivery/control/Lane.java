package dev.autowebhook.delivery.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * The claimed requests of one subscriber, waiting to be sent: at most {@code max_concurrency} in
 * flight, and at most {@code rate_limit} in any {@code rate_limit_window_seconds}-long sliding
 * window (the excess waits here, nothing is dropped). Batched deliveries leave the queue
 * as one request of up to their batch size. Each subscriber has its own lane, so a slow or failing
 * endpoint only ever uses its own slots.
 */
public final class Lane {

  /**
   * Requests a lane holds per slot of its concurrency. Refilled when half empty, a lane of two
   * waves ran dry while the next claim was in the database, and the endpoint idled (about 500
   * deliveries/s on 2 cores); eight keep it busy through a claim, and what waits here still starts
   * within a few round trips, so a later claim's higher priority is not kept waiting long.
   */
  static final int WAVES = 8;

  /** What a lane needs from its dispatcher. */
  public interface Hooks {

    CompletableFuture<AttemptResult> send(Outgoing request);

    /** Runs {@code task} after {@code delayNanos} (to start a rate-limited request later). */
    void schedule(Runnable task, long delayNanos);

    /** A request finished; {@code result} is null when the channel failed unexpectedly. */
    void completed(Outgoing request, AttemptResult result, Throwable error);
  }

  private final Hooks hooks;
  private final LongSupplier nanoClock;
  private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
  /** When the recently completed rate-limited requests stop counting (completion + window). */
  private final ArrayDeque<Long> releases = new ArrayDeque<>();
  private int active;
  private int activeDeliveries;
  private int concurrency = 1;
  private int rateLimit;
  private long windowNanos;
  private int perRequest = 1;
  private boolean wakeScheduled;

  public Lane(Hooks hooks, LongSupplier nanoClock) {
    this.hooks = hooks;
    this.nanoClock = nanoClock;
  }

  /**
   * How many deliveries a lane holds (queued or in flight) before it takes no more: {@link #WAVES}
   * waves of its concurrency, or one rate-limit window's worth when that is less.
   */
  public static int capacity(int maxConcurrency, int rateLimit, int deliveriesPerRequest) {
    int requests = WAVES * Math.max(1, maxConcurrency);
    if (rateLimit > 0) {
      requests = Math.min(requests, rateLimit);
    }
    return requests * Math.max(1, deliveriesPerRequest);
  }

  public synchronized boolean isFull() {
    return queue.size() + activeDeliveries >= capacity(concurrency, rateLimit, perRequest);
  }

  /** True once the lane has room for a claim of at least half its capacity again. */
  public synchronized boolean isHalfEmpty() {
    return 2 * (queue.size() + activeDeliveries) <= capacity(concurrency, rateLimit, perRequest);
  }

  public synchronized int size() {
    return queue.size() + activeDeliveries;
  }

  /** Queues claimed deliveries (all of one claim at once, so batches can form) and starts sending. */
  public void offerAll(List<Outgoing> deliveries) {
    synchronized (this) {
      for (Outgoing o : deliveries) {
        Target t = o.target();
        concurrency = Math.max(1, t.maxConcurrency());
        rateLimit = Math.max(0, t.rateLimit());
        windowNanos = Math.max(1, t.rateLimitWindowSeconds()) * 1_000_000_000L;
        perRequest = o.batchKey() == null ? 1 : Math.max(1, o.batchSize());
        queue.add(o);
      }
    }
    drain();
  }

  private void drain() {
    while (true) {
      Outgoing next;
      synchronized (this) {
        if (active >= concurrency || queue.isEmpty() || !rateAllows()) {
          return;
        }
        next = takeNext();
        active++;
        activeDeliveries += next.deliveries().size();
      }
      CompletableFuture<AttemptResult> sending;
      try {
        sending = hooks.send(next);
      } catch (RuntimeException e) {
        sending = CompletableFuture.failedFuture(e);
      }
      Outgoing request = next;
      sending.whenComplete((r, err) -> {
        synchronized (this) {
          active--;
          activeDeliveries -= request.deliveries().size();
          if (rateLimit > 0) {
            releases.addLast(nanoClock.getAsLong() + windowNanos);
          }
        }
        hooks.completed(request, r, err);
        drain();
      });
    }
  }

  /**
   * True when one more request may start now; otherwise arranges to try again when it may. A
   * request counts against the limit from its start until one window after it completed, so
   * however the network delays requests, the receiver never sees more than {@code rate_limit}
   * of them in any window (all requests it receives within one window were counting at once).
   */
  private boolean rateAllows() {
    if (rateLimit <= 0) {
      return true;
    }
    long now = nanoClock.getAsLong();
    while (!releases.isEmpty() && releases.peekFirst() - now <= 0) {
      releases.pollFirst();
    }
    if (active + releases.size() < rateLimit) {
      return true;
    }
    if (!wakeScheduled && !releases.isEmpty()) {
      wakeScheduled = true;
      hooks.schedule(() -> {
        synchronized (this) {
          wakeScheduled = false;
        }
        drain();
      }, Math.max(1, releases.peekFirst() - now));
    }
    return false;
  }

  private Outgoing takeNext() {
    Outgoing first = queue.poll();
    if (first.batchKey() == null) {
      return first;
    }
    List<Outgoing> group = new ArrayList<>();
    group.add(first);
    for (Iterator<Outgoing> it = queue.iterator();
        it.hasNext() && group.size() < first.batchSize(); ) {
      Outgoing o = it.next();
      if (first.batchKey().equals(o.batchKey())) {
        group.add(o);
        it.remove();
      }
    }
    return Outgoing.batch(group);
  }
}
