package dev.autowebhook.delivery.control;

import dev.autowebhook.delivery.entity.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * This node's attempt counts per minute since the last flush: the recorder adds every result, the
 * stats timer drains the deltas into {@code aw_delivery_minute} every few seconds. In memory so the
 * hot path never contends on a shared counter row; a crash loses at most one flush interval of
 * dashboard figures, never a delivery or an attempt row.
 */
@ApplicationScoped
public class DeliveryMetrics {

  /** Counts of one minute not yet written. */
  static final class Minute {
    final AtomicLong sent = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong dead = new AtomicLong();
    final AtomicLong durationSum = new AtomicLong();
    final AtomicLongArray buckets = new AtomicLongArray(LatencyHistogram.SIZE);
  }

  /** What one minute adds since the last drain. */
  public record Delta(Instant minute, long sent, long failed, long dead, long durationSumMs,
      long[] buckets) {
    boolean isEmpty() {
      return sent + failed + dead == 0;
    }
  }

  private final ConcurrentHashMap<Long, Minute> minutes = new ConcurrentHashMap<>();

  public void count(List<AttemptResult> results) {
    for (AttemptResult r : results) {
      // inside compute, so a drain cannot forget the minute while this result is added to it
      minutes.compute(r.startedAt().toEpochSecond() / 60, (k, m) -> {
        Minute into = m == null ? new Minute() : m;
        (r.outcome() == DeliveryStatus.SENT ? into.sent
            : r.outcome() == DeliveryStatus.DEAD ? into.dead : into.failed).incrementAndGet();
        into.durationSum.addAndGet(r.durationMs());
        into.buckets.incrementAndGet(LatencyHistogram.bucket(r.durationMs()));
        return into;
      });
    }
  }

  /**
   * Takes what was counted since the last drain. A minute more than two minutes old that had
   * nothing new is forgotten (a late result for it starts a new entry).
   */
  public List<Delta> drain(Instant now) {
    long current = now.getEpochSecond() / 60;
    List<Delta> out = new ArrayList<>();
    for (Long key : List.copyOf(minutes.keySet())) {
      minutes.computeIfPresent(key, (k, m) -> {
        long[] b = new long[LatencyHistogram.SIZE];
        for (int i = 0; i < b.length; i++) {
          b[i] = m.buckets.getAndSet(i, 0);
        }
        Delta d = new Delta(Instant.ofEpochSecond(k * 60), m.sent.getAndSet(0),
            m.failed.getAndSet(0), m.dead.getAndSet(0), m.durationSum.getAndSet(0), b);
        if (!d.isEmpty()) {
          out.add(d);
          return m;
        }
        return k < current - 2 ? null : m;
      });
    }
    return out;
  }
}
