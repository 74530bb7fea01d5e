package dev.autowebhook.delivery.control;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try again: base · 2^(n-1) seconds after the n-th failed attempt (60, 120, 240, 480, 960 s
 * by default) with ±20 % jitter, unless the receiver said when with {@code Retry-After}; and
 * whether the retries are exhausted (1 + maxRetries attempts in all).
 */
public final class RetrySchedule {

  /** Retry-After values beyond a day are clamped so a bad header cannot park a delivery forever. */
  static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

  private final double baseSeconds;
  private final double jitter;

  public RetrySchedule(double baseSeconds, double jitter) {
    if (!(baseSeconds > 0) || Double.isInfinite(baseSeconds)) {
      throw new IllegalArgumentException("retry base must be positive: " + baseSeconds);
    }
    if (!(jitter >= 0 && jitter < 1)) {
      throw new IllegalArgumentException("jitter must be in [0, 1): " + jitter);
    }
    this.baseSeconds = baseSeconds;
    this.jitter = jitter;
  }

  /** True when attempt number {@code attemptNo} (1-based) was the last one allowed. */
  public static boolean exhausted(int attemptNo, int maxRetries) {
    return attemptNo >= 1 + maxRetries;
  }

  /** The backoff after the {@code failedAttempts}-th failure, without jitter. */
  public Duration backoff(int failedAttempts) {
    int n = Math.max(1, Math.min(failedAttempts, 30));
    double seconds = baseSeconds * Math.pow(2, n - 1);
    return Duration.ofMillis((long) (seconds * 1000));
  }

  /** The delay before the next attempt: Retry-After when given, else jittered backoff. */
  public Duration delay(int failedAttempts, Duration retryAfter) {
    if (retryAfter != null && !retryAfter.isNegative()) {
      return retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
    }
    long ms = backoff(failedAttempts).toMillis();
    double factor = 1 + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextDouble(-jitter, jitter));
    return Duration.ofMillis(Math.max(0, Math.round(ms * factor)));
  }

  /** Parses a Retry-After header: delta-seconds or an HTTP-date; null when absent or invalid. */
  public static Duration parseRetryAfter(String value, OffsetDateTime now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        OffsetDateTime at = OffsetDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(now.withOffsetSameInstant(ZoneOffset.UTC), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }
}
