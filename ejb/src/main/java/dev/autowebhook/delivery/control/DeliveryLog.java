package dev.autowebhook.delivery.control;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The delivery log lines, built here and nowhere else so that each one reads the same way and can
 * be searched by key: {@code delivery outcome=failed event=evt_… subscriber=12 delivery=345
 * attempt=2 status=500 ms=31 error="HTTP 500"}. Only ids, numbers and error summaries go in; never
 * a URL, header, body or secret — and any URL an error message quotes loses its user info and
 * query first. Values with spaces, quotes, {@code =} or control characters are quoted and escaped.
 */
public final class DeliveryLog {

  /** Longest value written; longer ones are cut with an ellipsis. */
  static final int MAX_VALUE = 500;

  private static final Pattern USER_INFO =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^\\s/?#\"]*@");
  private static final Pattern QUERY =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^\\s?#\"]*)\\?[^\\s#\"]*");

  private DeliveryLog() {}

  /** The outcome of one request: sent, failed (to be retried) or dead. */
  public static String outcome(Outgoing request, AttemptResult result) {
    return line("delivery", "outcome", result.outcome().key(), "event", request.eventUid(),
        "subscriber", request.subscriberId(), "channel", channel(request),
        request.isBatch() ? "batch_size" : "delivery",
        request.isBatch() ? request.members().size() : request.deliveryId(),
        "attempt", request.attemptNo(), "status", result.statusCode(), "ms", result.durationMs(),
        "error", result.succeeded() ? null : result.summary(), "next", result.nextAttemptAt());
  }

  /** The channel broke its promise to complete normally; the lease will bring the work back. */
  public static String unexpected(Outgoing request, Throwable error) {
    return line("delivery", "outcome", "error", "event", request.eventUid(),
        "subscriber", request.subscriberId(), "channel", channel(request),
        request.isBatch() ? "batch_size" : "delivery",
        request.isBatch() ? request.members().size() : request.deliveryId(),
        "attempt", request.attemptNo(), "error", error == null ? null : error.toString());
  }

  /** A result that could not be recorded (after retries): attempted again once its lease ends. */
  public static String unrecorded(AttemptResult r, String error) {
    Outgoing o = r.outgoing();
    return line("delivery", "outcome", "unrecorded", "event", o.eventUid(),
        "subscriber", o.subscriberId(), "delivery", o.deliveryId(), "attempt", o.attemptNo(),
        "result", r.outcome().key(), "error", error);
  }

  /** A subscriber disabled because every attempt failed for too long. */
  public static String autoDisabled(long subscriberId, String eventUid, String reason) {
    return line("delivery", "outcome", "auto-disabled", "event", eventUid,
        "subscriber", subscriberId, "reason", reason);
  }

  /** A failing subscriber answered again: its waiting retries were made due at once. */
  public static String recovered(long subscriberId, String eventUid, int released) {
    return line("delivery", "outcome", "recovered", "event", eventUid,
        "subscriber", subscriberId, "released", released);
  }

  /**
   * {@code message key=value key=value…}; {@code keyValues} alternate keys and values, and a pair
   * whose value is null is left out.
   */
  static String line(String message, Object... keyValues) {
    StringBuilder b = new StringBuilder(message);
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      Object v = keyValues[i + 1];
      if (v != null) {
        b.append(' ').append(keyValues[i]).append('=').append(value(v));
      }
    }
    return b.toString();
  }

  /** A value as written: bare when it is one plain word, else quoted with escapes. */
  static String value(Object v) {
    String s = scrub(String.valueOf(v));
    if (s.length() > MAX_VALUE) {
      s = s.substring(0, MAX_VALUE) + "…";
    }
    boolean plain = !s.isEmpty();
    for (int i = 0; i < s.length() && plain; i++) {
      char c = s.charAt(i);
      plain = c > ' ' && c != '"' && c != '=' && c != '\\' && c != 0x7f;
    }
    if (plain) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 8).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < ' ' || c == 0x7f) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** Removes the user info and the query of any URL in the text (credentials hide there). */
  static String scrub(String s) {
    if (s.indexOf("://") < 0) {
      return s;
    }
    String noUser = USER_INFO.matcher(s).replaceAll("$1***@");
    return QUERY.matcher(noUser).replaceAll("$1?***");
  }

  private static String channel(Outgoing request) {
    return request.target().kind().name().toLowerCase(Locale.ROOT);
  }
}
