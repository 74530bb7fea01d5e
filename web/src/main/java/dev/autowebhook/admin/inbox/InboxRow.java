package dev.autowebhook.admin.inbox;

import dev.autowebhook.admin.payload.JsonText;
import dev.autowebhook.inbox.entity.InboxMessage;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * One received request as the inbox page shows it: what the envelope says (model, event, record)
 * when the body is one, a batch's size when it is an array, and the body and headers indented.
 */
public record InboxRow(Long id, OffsetDateTime receivedAt, String webhookId,
    Boolean signatureValid, String summary, String body, String headers) implements Serializable {

  static InboxRow of(InboxMessage m) {
    JsonStructure json = JsonText.parse(m.getBody());
    return new InboxRow(m.getId(), m.getReceivedAt(), m.getWebhookId(), m.getSignatureValid(),
        summary(json), json == null ? m.getBody() : JsonText.pretty(json),
        JsonText.pretty(m.getHeaders()));
  }

  /** "sale.order 42 · update", "batch of 3 events", or null for a body that is not an event. */
  static String summary(JsonStructure json) {
    if (json == null) {
      return null;
    }
    if (json.getValueType() == JsonValue.ValueType.ARRAY) {
      return "batch of " + json.asJsonArray().size();
    }
    JsonObject o = json.asJsonObject();
    if (!(o.get("model") instanceof JsonString model)) {
      return null;
    }
    return model.getString() + text(" ", o.get("record_id")) + text(" · ", o.get("event"));
  }

  private static String text(String prefix, JsonValue v) {
    if (v == null || v == JsonValue.NULL) {
      return "";
    }
    return prefix + (v instanceof JsonString s ? s.getString() : v.toString());
  }

  /** "verified", "invalid" or "unsigned". */
  public String signature() {
    return signatureValid == null ? "unsigned" : signatureValid ? "verified" : "invalid";
  }
}
