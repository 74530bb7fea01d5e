package dev.autowebhook.delivery.control;

import dev.autowebhook.delivery.entity.DeliveryStatus;
import dev.autowebhook.platform.Time;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What one attempt did and what the delivery becomes because of it (sent, failed with the next
 * attempt time, or dead). Channels build it with {@link #sent} or {@link #failed}; a batch result
 * is split into one result per member by {@link #perDelivery}, each judged by its own budget.
 */
public record AttemptResult(
    Outgoing outgoing,
    OffsetDateTime startedAt,
    long durationMs,
    Integer statusCode,
    String responseExcerpt,
    String errorClass,
    String errorMessage,
    String maskedHeaders,
    DeliveryStatus outcome,
    OffsetDateTime nextAttemptAt,
    Duration retryAfter,
    String batchId) {

  static final int MAX_MESSAGE = 900;

  public static AttemptResult sent(Outgoing out, OffsetDateTime started, long durationMs,
      Integer code, String excerpt, String masked) {
    return new AttemptResult(out, started, durationMs, code, excerpt, null, null, masked,
        DeliveryStatus.SENT, null, null, null);
  }

  /** A failure: failed with the next attempt time, or dead when the retry budget is spent. */
  public static AttemptResult failed(Outgoing out, RetrySchedule schedule, OffsetDateTime started,
      long durationMs, Integer code, String excerpt, String errorClass, String message,
      String masked, Duration retryAfter) {
    boolean dead = RetrySchedule.exhausted(out.attemptNo(), out.target().maxRetries());
    OffsetDateTime next = dead ? null : Time.now().plus(schedule.delay(out.attemptNo(), retryAfter));
    return new AttemptResult(out, started, durationMs, code, excerpt, errorClass,
        message == null ? null : truncate(message, MAX_MESSAGE), masked,
        dead ? DeliveryStatus.DEAD : DeliveryStatus.FAILED, next, retryAfter, null);
  }

  /**
   * One result per delivery carried by the request (the result itself for a single one). The
   * members of a failed batch share one next attempt time, so they are retried together again;
   * each member whose own budget is spent becomes dead.
   */
  public List<AttemptResult> perDelivery(RetrySchedule schedule) {
    if (!outgoing.isBatch()) {
      return List.of(this);
    }
    String batch = outgoing.eventUid();
    OffsetDateTime next = succeeded() ? null
        : Time.now().plus(schedule.delay(outgoing.attemptNo(), retryAfter));
    return outgoing.members().stream().map(m -> {
      DeliveryStatus status = succeeded() ? DeliveryStatus.SENT
          : RetrySchedule.exhausted(m.attemptNo(), m.target().maxRetries()) ? DeliveryStatus.DEAD
          : DeliveryStatus.FAILED;
      return new AttemptResult(m, startedAt, durationMs, statusCode, responseExcerpt, errorClass,
          errorMessage, maskedHeaders, status, status == DeliveryStatus.FAILED ? next : null,
          retryAfter, batch);
    }).toList();
  }

  public boolean succeeded() {
    return outcome == DeliveryStatus.SENT;
  }

  /** One line for the log and for {@code last_error}. */
  public String summary() {
    if (errorClass != null) {
      return errorClass + ": " + errorMessage;
    }
    return "HTTP " + statusCode;
  }

  static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
