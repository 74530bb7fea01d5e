package dev.autowebhook.api;

import dev.autowebhook.platform.InvalidInputException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Parsing of query parameters with 400 answers that name the parameter. Parameters are taken as
 * strings and parsed here because JAX-RS answers a value it cannot convert with 404, as if the
 * resource did not exist. Values are stripped of white space only ({@code trim()} would also drop
 * control characters such as NUL and accept {@code 1%00} as 1).
 */
public final class Params {

  private Params() {}

  public static int intParam(String name, String value, int fallback) {
    Integer parsed = intParam(name, value);
    return parsed == null ? fallback : parsed;
  }

  /** An integer, or null when absent. */
  public static Integer intParam(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name, "must be an integer");
    }
  }

  /** {@code true} or {@code false} (any case), or null when absent. */
  public static Boolean boolParam(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new InvalidInputException(name, "must be true or false");
    };
  }

  public static Long longParam(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name, "must be an integer");
    }
  }

  public static OffsetDateTime time(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(name, "must be an ISO-8601 date-time such as 2026-01-31T10:00:00Z");
    }
  }

  /** Parses a lower-case enum value (case-insensitive); null when absent. */
  public static <E extends Enum<E>> E enumParam(String name, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value.strip())) {
        return e;
      }
    }
    StringBuilder sb = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
    }
    throw new InvalidInputException(name, "must be one of " + sb);
  }
}
