package dev.autowebhook.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryScheduleTest {

  private static final OffsetDateTime NOW = OffsetDateTime.of(2015, 10, 21, 7, 27, 0, 0,
      ZoneOffset.UTC);

  private final RetrySchedule cut = new RetrySchedule(60, 0.2);

  @ParameterizedTest
  @CsvSource({"1, 60", "2, 120", "3, 240", "4, 480", "5, 960"})
  void backoffDoublesFromTheBase(int failedAttempts, long seconds) {
    assertThat(cut.backoff(failedAttempts)).isEqualTo(Duration.ofSeconds(seconds));
  }

  @Test
  void backoffBelowOneCountsAsTheFirstFailure() {
    assertThat(cut.backoff(0)).isEqualTo(Duration.ofSeconds(60));
    assertThat(cut.backoff(-3)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void backoffIsCappedAtThirtyDoublingsAndNeverOverflows() {
    Duration capped = Duration.ofSeconds(60L << 29);
    assertThat(cut.backoff(30)).isEqualTo(capped);
    assertThat(cut.backoff(31)).isEqualTo(capped);
    assertThat(cut.backoff(Integer.MAX_VALUE)).isEqualTo(capped);
  }

  @Test
  void fractionalBaseKeepsMilliseconds() {
    RetrySchedule half = new RetrySchedule(0.5, 0);
    assertThat(half.backoff(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(half.backoff(3)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void jitterStaysWithinTwentyPercent() {
    for (int failed = 1; failed <= 5; failed++) {
      long base = cut.backoff(failed).toMillis();
      Set<Long> seen = new HashSet<>();
      for (int i = 0; i < 500; i++) {
        long ms = cut.delay(failed, null).toMillis();
        assertThat(ms).isBetween(Math.round(base * 0.8), Math.round(base * 1.2));
        seen.add(ms);
      }
      assertThat(seen).as("jitter actually varies the delay").hasSizeGreaterThan(10);
    }
  }

  @Test
  void withoutJitterTheDelayIsTheBackoff() {
    RetrySchedule exact = new RetrySchedule(60, 0);
    for (int failed = 1; failed <= 5; failed++) {
      assertThat(exact.delay(failed, null)).isEqualTo(exact.backoff(failed));
    }
  }

  @Test
  void retryAfterWinsOverBackoff() {
    assertThat(cut.delay(5, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
    assertThat(cut.delay(1, Duration.ZERO)).isEqualTo(Duration.ZERO);
  }

  @Test
  void retryAfterIsClampedToOneDay() {
    assertThat(cut.delay(1, Duration.ofDays(1))).isEqualTo(Duration.ofDays(1));
    assertThat(cut.delay(1, Duration.ofDays(1).plusSeconds(1))).isEqualTo(Duration.ofDays(1));
    assertThat(cut.delay(1, Duration.ofDays(365))).isEqualTo(Duration.ofDays(1));
    assertThat(cut.delay(1, Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void negativeRetryAfterFallsBackToJitteredBackoff() {
    long ms = cut.delay(2, Duration.ofSeconds(-5)).toMillis();
    assertThat(ms).isBetween(96_000L, 144_000L);
  }

  @ParameterizedTest
  @CsvSource({"120, 120", "0, 0", "' 30 ', 30", "9223372036854775807, 9223372036854775807"})
  void parsesDeltaSeconds(String header, long seconds) {
    assertThat(RetrySchedule.parseRetryAfter(header, NOW)).isEqualTo(Duration.ofSeconds(seconds));
  }

  @Test
  void parsesHttpDate() {
    assertThat(RetrySchedule.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", NOW))
        .isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void httpDateIsComparedAsAnInstantWhateverTheOffsetOfNow() {
    OffsetDateTime sameInstantInBerlin = NOW.withOffsetSameInstant(ZoneOffset.ofHours(2));
    assertThat(RetrySchedule.parseRetryAfter("Wed, 21 Oct 2015 07:37:00 GMT",
        sameInstantInBerlin)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void httpDateInThePastMeansNow() {
    assertThat(RetrySchedule.parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", NOW))
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void farFutureHttpDateIsClampedByDelay() {
    Duration parsed = RetrySchedule.parseRetryAfter("Fri, 21 Oct 2016 07:27:00 GMT", NOW);
    assertThat(parsed).isGreaterThan(Duration.ofDays(300));
    assertThat(cut.delay(1, parsed)).isEqualTo(RetrySchedule.MAX_RETRY_AFTER);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "-1", "-120", "soon", "1.5", "12s", "0x10",
      "99999999999999999999", "Wed, 32 Oct 2015 07:28:00 GMT", "2015-10-21T07:28:00Z"})
  void invalidRetryAfterIsNull(String header) {
    assertThat(RetrySchedule.parseRetryAfter(header, NOW)).isNull();
  }

  @ParameterizedTest
  @CsvSource({
      "1, 5, false", "5, 5, false", "6, 5, true", "7, 5, true",
      "1, 0, true", "0, 0, false", "1, 1, false", "2, 1, true", "20, 20, false", "21, 20, true"})
  void exhaustedAfterOnePlusMaxRetriesAttempts(int attemptNo, int maxRetries, boolean exhausted) {
    assertThat(RetrySchedule.exhausted(attemptNo, maxRetries)).isEqualTo(exhausted);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -0.0, -1, -60, Double.NEGATIVE_INFINITY})
  void nonPositiveBaseIsRejected(double base) {
    assertThatThrownBy(() -> new RetrySchedule(base, 0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retry base must be positive");
  }
  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY})
  void nonFiniteBaseIsRejected(double base) {
    assertThatThrownBy(() -> new RetrySchedule(base, 0.2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
