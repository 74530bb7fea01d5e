package dev.autowebhook.api.payload;

import dev.autowebhook.payload.entity.PayloadTemplate;
import java.time.OffsetDateTime;

/** A payload template as the API shows it; a PUT accepts it back unchanged. */
public record TemplateOut(
    Long id, String name, String body, String model, OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  public static TemplateOut of(PayloadTemplate t) {
    return new TemplateOut(t.getId(), t.getName(), t.getBody(), t.getModel(), t.getCreatedAt(),
        t.getUpdatedAt());
  }
}
