package dev.autowebhook.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The current time in UTC at the precision the databases store (microseconds). */
public final class Time {

  private Time() {}

  public static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * A retention cut-off: {@code days} (or the configured {@code fallback} when null) before now.
   *
   * @throws InvalidInputException naming {@code field} when the age is negative
   */
  public static Instant daysAgo(String field, Long days, long fallback) {
    long d = days == null ? fallback : days;
    if (d < 0) {
      throw new InvalidInputException(field, "must not be negative");
    }
    return Instant.now().minusSeconds(d * 86_400);
  }
}
