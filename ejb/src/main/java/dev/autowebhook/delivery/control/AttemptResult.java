package dev.autowebhook.delivery.control;

import dev.autowebhook.delivery.entity.DeliveryStatus;
import java.time.OffsetDateTime;

/**
 * What one attempt did and what the delivery becomes because of it (sent, failed with the next
 * attempt time, or dead). Recorded in batches by the recorder.
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
    OffsetDateTime nextAttemptAt) {

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
}
