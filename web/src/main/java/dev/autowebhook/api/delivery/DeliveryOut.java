package dev.autowebhook.api.delivery;

import dev.autowebhook.platform.Jsonp;
import dev.autowebhook.delivery.entity.Delivery;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.OffsetDateTime;

/**
 * One delivery (change × subscriber) as the admin API lists it; the detail view adds the
 * payload that was (or will be) sent.
 */
public record DeliveryOut(
    Long id, String eventId, String model, String recordId, String event, Long subscriberId,
    String status, String priority, int attempts, OffsetDateTime nextAttemptAt,
    Integer lastStatusCode, String lastError, OffsetDateTime sentAt, OffsetDateTime createdAt,
    OffsetDateTime updatedAt, JsonObject payload) {

  public static DeliveryOut of(Delivery d) {
    return of(d, false);
  }

  public static DeliveryOut of(Delivery d, boolean withPayload) {
    var e = d.getEvent();
    JsonObject payload = null;
    if (withPayload) {
      try (JsonReader r = Jsonp.PROVIDER.createReader(new StringReader(e.getPayload()))) {
        payload = r.readObject();
      }
    }
    return new DeliveryOut(d.getId(), e.getUid(), e.getModel(), e.getRecordId(), e.getKind().key(),
        d.getSubscriberId(), d.getStatus().key(), e.getPriority().key(), d.getAttempts(),
        d.getNextAttemptAt(), d.getLastStatusCode(), d.getLastError(), d.getSentAt(),
        d.getCreatedAt(), d.getUpdatedAt(), payload);
  }
}
