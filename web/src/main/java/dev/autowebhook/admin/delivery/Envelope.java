package dev.autowebhook.admin.delivery;

import dev.autowebhook.platform.Jsonp;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.Serializable;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON texts of a delivery as the detail page shows them: the envelope pretty-printed, its
 * {@code changes} as old → new rows, and an attempt's (already masked) request headers.
 */
public final class Envelope {

  /** One changed field of the envelope. */
  public record Change(String field, String oldValue, String newValue) implements Serializable {}

  /** One request header as recorded (secrets already masked). */
  public record Header(String name, String value) implements Serializable {}

  private Envelope() {}

  /** The text indented, or as it is when it is not JSON (a template may render anything). */
  static String pretty(String json) {
    if (json == null) {
      return null;
    }
    try {
      JsonStructure parsed = read(json);
      StringWriter out = new StringWriter();
      try (JsonWriter w = Jsonp.PROVIDER.createWriterFactory(
          Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
        w.write(parsed);
      }
      return out.toString().strip();
    } catch (JsonException e) {
      return json;
    }
  }

  /** The envelope's {@code changes} object ({@code {"field": {"old": …, "new": …}}}). */
  static List<Change> changes(String envelope) {
    List<Change> out = new ArrayList<>();
    JsonObject changes = object(envelope).getJsonObject("changes");
    if (changes == null) {
      return out;
    }
    changes.forEach((field, v) -> {
      if (v.getValueType() == JsonValue.ValueType.OBJECT) {
        JsonObject c = v.asJsonObject();
        out.add(new Change(field, text(c.get("old")), text(c.get("new"))));
      } else {
        out.add(new Change(field, null, text(v)));
      }
    });
    return out;
  }

  /** The headers in the recorded order; empty when there are none. */
  static List<Header> headers(String json) {
    List<Header> out = new ArrayList<>();
    object(json).forEach((k, v) -> out.add(new Header(k, text(v))));
    return out;
  }

  private static JsonObject object(String json) {
    if (json == null || json.isBlank()) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try {
      JsonStructure s = read(json);
      return s instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    } catch (JsonException e) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
  }

  private static JsonStructure read(String json) {
    try (JsonReader r = Jsonp.PROVIDER.createReader(new StringReader(json))) {
      return r.read();
    }
  }

  private static String text(JsonValue v) {
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return "null";
    }
    return v instanceof JsonString s ? s.getString() : v.toString();
  }
}
