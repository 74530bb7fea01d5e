package dev.autowebhook.it.support;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;

/**
 * Tiny JSON-P shortcuts so integration tests can build request bodies and read responses in one
 * expression (Parsson is the implementation on the test class path).
 */
public final class Json {

    private Json() {
    }

    /** Parses a JSON object; throws {@link AssertionError} (showing the text) if it is not one. */
    public static JsonObject parse(String text) {
        try (JsonReader reader = jakarta.json.Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new AssertionError("Not a JSON object: " + abbreviate(text), e);
        }
    }

    /** Parses a JSON array; throws {@link AssertionError} (showing the text) if it is not one. */
    public static JsonArray parseArray(String text) {
        try (JsonReader reader = jakarta.json.Json.createReader(new StringReader(text))) {
            return reader.readArray();
        } catch (JsonException | IllegalStateException e) {
            throw new AssertionError("Not a JSON array: " + abbreviate(text), e);
        }
    }

    /** A fresh object builder. */
    public static JsonObjectBuilder obj() {
        return jakarta.json.Json.createObjectBuilder();
    }

    /** A fresh array builder. */
    public static JsonArrayBuilder arr() {
        return jakarta.json.Json.createArrayBuilder();
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "<null>";
        }
        return text.length() <= 2000 ? "'" + text + "'" : "'" + text.substring(0, 2000) + "…' (" + text.length() + " chars)";
    }
}
