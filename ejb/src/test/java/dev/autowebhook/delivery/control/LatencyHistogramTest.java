package dev.autowebhook.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void durationsFallIntoTheBucketOfTheirUpperBound() {
    assertThat(LatencyHistogram.bucket(0)).isZero();
    assertThat(LatencyHistogram.bucket(10)).isZero();
    assertThat(LatencyHistogram.bucket(11)).isEqualTo(1);
    assertThat(LatencyHistogram.bucket(10_000)).isEqualTo(9);
    assertThat(LatencyHistogram.bucket(10_001)).isEqualTo(10);
    assertThat(LatencyHistogram.column(0)).isEqualTo("le_10");
    assertThat(LatencyHistogram.column(10)).isEqualTo("le_inf");
  }

  @Test
  void percentilesInterpolateInsideTheirBucket() {
    long[] counts = new long[LatencyHistogram.SIZE];
    counts[3] = 100; // 100 attempts between 50 and 100 ms
    assertThat(LatencyHistogram.percentile(counts, 0.5)).isEqualTo(75L);
    assertThat(LatencyHistogram.percentile(counts, 0.95)).isEqualTo(98L);

    counts[6] = 100; // another 100 between 500 and 1000 ms: the median is at the edge
    assertThat(LatencyHistogram.percentile(counts, 0.5)).isEqualTo(100L);
    assertThat(LatencyHistogram.percentile(counts, 0.95)).isEqualTo(950L);
  }

  @Test
  void noCountsNoPercentileAndTheOpenBucketAnswersItsLowerBound() {
    long[] counts = new long[LatencyHistogram.SIZE];
    assertThat(LatencyHistogram.percentile(counts, 0.5)).isNull();
    counts[10] = 3;
    assertThat(LatencyHistogram.percentile(counts, 0.99)).isEqualTo(10_000L);
  }
}
