package dev.autowebhook.api.delivery;

import dev.autowebhook.platform.Jsonp;
import dev.autowebhook.delivery.entity.DeliveryAttempt;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.OffsetDateTime;

/** One attempt of a delivery: the audit record of a single try (headers with secrets masked). */
public record AttemptOut(
    Long id, int attemptNo, String trigger, String outcome, OffsetDateTime startedAt,
    long durationMs, String url, JsonObject requestHeaders, Integer statusCode,
    String responseExcerpt, String errorClass, String errorMessage, String node,
    String batchId) {

  public static AttemptOut of(DeliveryAttempt a) {
    JsonObject headers = null;
    if (a.getRequestHeaders() != null) {
      try (JsonReader r = Jsonp.PROVIDER.createReader(new StringReader(a.getRequestHeaders()))) {
        headers = r.readObject();
      } catch (RuntimeException e) {
        headers = null;
      }
    }
    return new AttemptOut(a.getId(), a.getAttemptNo(), a.getTrigger().key(),
        a.getOutcome().key(), a.getStartedAt(), a.getDurationMs(), a.getUrl(), headers,
        a.getStatusCode(), a.getResponseExcerpt(), a.getErrorClass(), a.getErrorMessage(),
        a.getNode(), a.getBatchId());
  }
}
