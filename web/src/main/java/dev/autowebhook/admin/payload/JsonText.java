package dev.autowebhook.admin.payload;

import dev.autowebhook.platform.Jsonp;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;

/**
 * JSON text as the pages show it: indented when it parses, so that payloads in the template
 * preview and the inbox are readable; anything else is left as it came.
 */
public final class JsonText {

  private static final JsonWriterFactory PRETTY =
      Jsonp.PROVIDER.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

  private JsonText() {}

  /** The parsed object or array, or null when {@code text} is not one. */
  public static JsonStructure parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try (JsonReader r = Jsonp.PROVIDER.createReader(new StringReader(text))) {
      return r.read();
    } catch (JsonException | IllegalStateException e) {
      return null;
    }
  }

  /** {@code text} indented when it is a JSON object or array, else unchanged. */
  public static String pretty(String text) {
    JsonStructure json = parse(text);
    return json == null ? text : pretty(json);
  }

  public static String pretty(JsonValue json) {
    StringWriter out = new StringWriter();
    try (JsonWriter w = PRETTY.createWriter(out)) {
      w.write(json);
    }
    return out.toString().strip();
  }
}
