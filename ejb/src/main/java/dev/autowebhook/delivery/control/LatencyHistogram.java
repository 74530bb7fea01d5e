package dev.autowebhook.delivery.control;

import java.util.List;

/**
 * Attempt durations counted in fixed buckets (as Prometheus histograms do), so minutes and nodes
 * add up and a percentile over an hour or a day is read from a handful of numbers instead of every
 * attempt. Percentiles are interpolated inside their bucket: exact to the bucket's width.
 */
public final class LatencyHistogram {

  /** Upper bounds in ms of all buckets but the last, which is unbounded. */
  public static final List<Long> BOUNDS = List.of(10L, 25L, 50L, 100L, 250L, 500L, 1000L, 2500L,
      5000L, 10000L);

  /** Number of buckets, the unbounded one included. */
  public static final int SIZE = BOUNDS.size() + 1;

  private LatencyHistogram() {}

  /** The bucket a duration falls into. */
  public static int bucket(long ms) {
    for (int i = 0; i < BOUNDS.size(); i++) {
      if (ms <= BOUNDS.get(i)) {
        return i;
      }
    }
    return BOUNDS.size();
  }

  /** Column name of a bucket: {@code le_10} … {@code le_10000}, {@code le_inf}. */
  public static String column(int bucket) {
    return bucket < BOUNDS.size() ? "le_" + BOUNDS.get(bucket) : "le_inf";
  }

  /**
   * The q-quantile (0 < q <= 1) in ms, or null without any count. Within the unbounded bucket the
   * answer is its lower bound (we know only that it was slower).
   */
  public static Long percentile(long[] counts, double q) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    if (total == 0) {
      return null;
    }
    double rank = q * total;
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0 && seen + counts[i] >= rank) {
        long lower = i == 0 ? 0 : BOUNDS.get(i - 1);
        if (i >= BOUNDS.size()) {
          return lower;
        }
        long upper = BOUNDS.get(i);
        double within = (rank - seen) / counts[i];
        return Math.round(lower + within * (upper - lower));
      }
      seen += counts[i];
    }
    return BOUNDS.get(BOUNDS.size() - 1);
  }
}
