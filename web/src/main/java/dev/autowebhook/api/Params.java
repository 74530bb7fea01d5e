package dev.autowebhook.api;

import dev.autowebhook.platform.InvalidInputException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parsing of query parameters with 400 answers that name the parameter. */
public final class Params {

  private Params() {}

  public static int intParam(String name, String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name, "must be an integer");
    }
  }

  public static Long longParam(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name, "must be an integer");
    }
  }

  public static OffsetDateTime time(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.trim());
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
      if (e.name().equalsIgnoreCase(value.trim())) {
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
