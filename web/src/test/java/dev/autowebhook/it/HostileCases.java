package dev.autowebhook.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Hostile requests for one operation of the OpenAPI document, derived from its parameters and
 * request-body schema: malformed JSON, wrong content types, oversized bodies, a wrong type or a
 * boundary value for every parameter and body property (nested one level into arrays of
 * objects), invalid enum values, dates, e-mails and patterns, and missing required properties.
 *
 * <p>Each operation's candidates are listed systematically, plus random strings and numbers drawn
 * from {@code random}; then a few must-haves (anonymous, malformed, wrong type, oversized, missing
 * required) are kept and the rest is shuffled with {@code random} and cut to the cap. With the
 * same seed the same requests are sent. A case is {@link Expect#REFUSED} only when the document
 * makes it invalid; boundary values the document allows (empty optional strings, 0, unicode
 * text...) are {@link Expect#ANY}: they may be accepted, but never with a 5xx.
 */
final class HostileCases {

  /** What the answer to a case must be. */
  enum Expect {
    /** Invalid per the document: a 4xx problem, nothing saved. */
    REFUSED,
    /** Larger than the request limit: 413, nothing saved. */
    TOO_LARGE,
    /** Without credentials: 401. */
    UNAUTHORIZED,
    /** Allowed by the document: any answer but a 5xx (a 4xx is still a problem, nothing saved). */
    ANY
  }

  /** One request. {@code body} null: none; {@code contentType} null: no header. */
  record Case(String label, Expect expect, String method, String path, String contentType,
      byte[] body, boolean anonymous) {

    @Override
    public String toString() {
      return (anonymous ? "anonymous " : "") + method + " " + abbreviate(path, 200) + " ["
          + label + "] body=" + (body == null ? "none" : body.length > 300
              ? abbreviate(new String(body, 0, 300, StandardCharsets.UTF_8), 300) + "…("
                  + body.length + " bytes)"
              : new String(body, StandardCharsets.UTF_8));
    }
  }

  /**
   * An operation as the test calls it: {@code pathValues} fills the path template with values
   * that exist (so that body checks are reached), {@code base} is a valid body (or null).
   */
  record Operation(String method, String template, JsonObject op, List<JsonObject> parameters,
      String mediaType, JsonObject bodySchema, boolean bodyRequired, JsonValue base,
      Map<String, String> pathValues, boolean publicAccess) {

    String key() {
      return method + " " + template;
    }
  }

  static final String JSON = "application/json";

  private final JsonObject schemas;
  private final int oversizeBytes;
  private final Function<String, Long> references;

  /**
   * @param doc           the OpenAPI document
   * @param oversizeBytes size of the bodies that must be refused as too large
   * @param references    property name (e.g. {@code partner_id}) → an existing id, or null
   */
  HostileCases(JsonObject doc, int oversizeBytes, Function<String, Long> references) {
    this.schemas = doc.getJsonObject("components").getJsonObject("schemas");
    this.oversizeBytes = oversizeBytes;
    this.references = references;
  }

  // ---------------------------------------------------------------------------------------------
  // schemas

  /** Follows {@code $ref} and merges {@code allOf} (properties and required lists). */
  JsonObject resolve(JsonObject schema) {
    if (schema == null) {
      return null;
    }
    if (schema.containsKey("$ref")) {
      String ref = schema.getString("$ref");
      return resolve(schemas.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1)));
    }
    if (schema.containsKey("allOf")) {
      JsonObjectBuilder props = Json.createObjectBuilder();
      JsonArrayBuilder required = Json.createArrayBuilder();
      JsonObjectBuilder merged = Json.createObjectBuilder().add("type", "object");
      for (JsonValue part : schema.getJsonArray("allOf")) {
        JsonObject p = resolve(part.asJsonObject());
        if (p.containsKey("properties")) {
          p.getJsonObject("properties").forEach(props::add);
        }
        if (p.containsKey("required")) {
          p.getJsonArray("required").forEach(required::add);
        }
      }
      return merged.add("properties", props).add("required", required).build();
    }
    return schema;
  }

  static String type(JsonObject s) {
    if (s.containsKey("type")) {
      return s.getString("type");
    }
    return s.containsKey("properties") ? "object" : "any";
  }

  static Map<String, JsonObject> properties(JsonObject object) {
    Map<String, JsonObject> out = new LinkedHashMap<>();
    if (object != null && object.containsKey("properties")) {
      object.getJsonObject("properties").forEach((k, v) -> out.put(k, v.asJsonObject()));
    }
    return out;
  }

  static Set<String> required(JsonObject object) {
    Set<String> out = new LinkedHashSet<>();
    if (object != null && object.containsKey("required")) {
      object.getJsonArray("required").forEach(v -> out.add(((JsonString) v).getString()));
    }
    return out;
  }

  /** A valid value for a schema: what the document allows, references to existing records. */
  JsonValue sample(String name, JsonObject raw, Random random) {
    JsonObject s = resolve(raw);
    if (s.containsKey("enum")) {
      return s.getJsonArray("enum").get(0);
    }
    switch (type(s)) {
      case "string": {
        String format = s.getString("format", "");
        if (format.equals("date-time")) {
          return Json.createValue("2026-01-31T10:00:00Z");
        }
        if (format.equals("date")) {
          return Json.createValue("2026-01-31");
        }
        if (format.equals("email")) {
          return Json.createValue("hostile@example.com");
        }
        String pattern = s.getString("pattern", "");
        if (pattern.contains("[A-Z]{3}")) {
          return Json.createValue("EUR");
        }
        if (pattern.contains("[A-Z]{2}")) {
          return Json.createValue("FR");
        }
        int max = s.getInt("maxLength", 24);
        String v = ("hx" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36)).toUpperCase();
        return Json.createValue(v.substring(0, Math.min(v.length(), Math.max(1, max))));
      }
      case "integer": {
        Long ref = name.endsWith("_id") ? references.apply(name) : null;
        if (ref != null) {
          return Json.createValue(ref);
        }
        return Json.createValue(s.containsKey("minimum") ? Math.max(1, s.getInt("minimum")) : 1);
      }
      case "number":
        return Json.createValue(1);
      case "boolean":
        return JsonValue.TRUE;
      case "array": {
        if (name.endsWith("_ids")) {
          Long ref = references.apply(name);
          return ref == null ? JsonValue.EMPTY_JSON_ARRAY : Json.createArrayBuilder().add(ref).build();
        }
        return JsonValue.EMPTY_JSON_ARRAY;
      }
      case "object": {
        JsonObjectBuilder b = Json.createObjectBuilder();
        Set<String> req = required(s);
        properties(s).forEach((k, v) -> {
          if (req.contains(k)) {
            b.add(k, sample(k, v, random));
          }
        });
        return b.build();
      }
      default:
        return Json.createValue("x");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // cases

  /** The hostile requests of one operation, at most {@code cap} of them. */
  List<Case> of(Operation op, Random random, int cap) {
    List<Case> mustHave = new ArrayList<>();
    List<Case> pool = new ArrayList<>();
    String basePath = fill(op.template(), op.pathValues());
    boolean hasBody = op.mediaType() != null;
    boolean jsonBody = hasBody && op.mediaType().contains("json");
    byte[] baseBody = op.base() == null ? null : bytes(op.base().toString());
    String baseType = hasBody ? (jsonBody ? JSON : "text/plain") : null;
    // DELETE with the real id would delete the fixture: only its parameters are varied
    boolean sendBasePath = !op.method().equals("DELETE");

    // anonymous: the request is refused before anything else (the inbox is public)
    mustHave.add(new Case("anonymous", op.publicAccess() ? Expect.ANY : Expect.UNAUTHORIZED,
        op.method(), basePath, baseType, baseBody, true));

    // parameters
    for (JsonObject p : op.parameters()) {
      String in = p.getString("in");
      if (!in.equals("query") && !in.equals("path")) {
        continue;
      }
      String name = p.getString("name");
      JsonObject schema = resolve(p.getJsonObject("schema"));
      for (Value v : parameterValues(schema, random)) {
        String path;
        if (in.equals("path")) {
          Map<String, String> values = new LinkedHashMap<>(op.pathValues());
          values.put(name, v.text());
          path = fill(op.template(), values);
        } else if (sendBasePath) {
          path = basePath + "?" + name + "=" + v.text();
        } else {
          continue;
        }
        // a wrong path value names no resource: 404 is a fine answer for it
        pool.add(new Case(in + " " + name + "=" + v.label(), v.expect(), op.method(), path,
            baseType, baseBody, false));
      }
    }

    if (hasBody && sendBasePath) {
      if (!jsonBody) {
        bodyOfBytes(op, basePath, mustHave, pool);
      } else {
        bodyOfJson(op, basePath, baseBody, random, mustHave, pool);
      }
    }

    Collections.shuffle(pool, random);
    List<Case> out = new ArrayList<>(mustHave);
    for (Case c : pool) {
      if (out.size() >= cap) {
        break;
      }
      out.add(c);
    }
    return out;
  }

  /**
   * The inbox: whatever the bytes, an unsigned request is refused with 401 and nothing is stored;
   * without a body it is a 400 (the body is required), over its limit a 413, before any signature.
   */
  private void bodyOfBytes(Operation op, String path, List<Case> mustHave, List<Case> pool) {
    mustHave.add(new Case("oversized body", Expect.TOO_LARGE, op.method(), path, "text/plain",
        new byte[oversizeBytes], false));
    pool.add(new Case("NUL bytes", Expect.UNAUTHORIZED, op.method(), path, "text/plain",
        new byte[] {'a', 0, 'b'}, false));
    pool.add(new Case("invalid UTF-8", Expect.UNAUTHORIZED, op.method(), path, JSON,
        new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, false));
    pool.add(new Case("empty", Expect.REFUSED, op.method(), path, JSON, new byte[0], false));
    pool.add(new Case("over the inbox limit", Expect.REFUSED, op.method(), path,
        "application/octet-stream", new byte[256 * 1024 + 1], false));
    pool.add(new Case("malformed JSON", Expect.UNAUTHORIZED, op.method(), path, JSON,
        bytes("{\"a\":"), false));
  }

  private void bodyOfJson(Operation op, String path, byte[] baseBody, Random random,
      List<Case> mustHave, List<Case> pool) {
    JsonObject schema = resolve(op.bodySchema());
    String m = op.method();
    String base = baseBody == null ? "{}" : new String(baseBody, StandardCharsets.UTF_8);
    boolean objectBody = schema != null && type(schema).equals("object")
        && op.base() instanceof JsonObject;
    boolean arrayBody = schema != null && type(schema).equals("array");

    // malformed JSON
    List<Case> malformed = new ArrayList<>();
    malformed.add(json(m, path, "malformed: truncated", Expect.REFUSED,
        base.substring(0, Math.max(1, base.length() / 2))));
    malformed.add(json(m, path, "malformed: missing value", Expect.REFUSED, "{\"a\":}"));
    malformed.add(json(m, path, "malformed: single quotes", Expect.REFUSED, "{'a': 1}"));
    malformed.add(json(m, path, "malformed: trailing comma", Expect.REFUSED,
        objectBody ? base.substring(0, base.length() - 1) + ",}" : "[1,]"));
    malformed.add(json(m, path, "malformed: NaN", Expect.REFUSED, "{\"a\": NaN}"));
    malformed.add(json(m, path, "malformed: trailing garbage", Expect.REFUSED, base + "}"));
    malformed.add(json(m, path, "malformed: 100000 nested arrays", Expect.REFUSED,
        "[".repeat(100_000) + "]".repeat(100_000)));
    malformed.add(json(m, path, "malformed: 100000 nested objects", Expect.REFUSED,
        "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000)));
    malformed.add(new Case("malformed: invalid UTF-8", Expect.REFUSED, m, path, JSON,
        new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, false));
    malformed.add(new Case("malformed: raw control character", Expect.REFUSED, m, path, JSON,
        new byte[] {'{', '"', 'a', '"', ':', '"', 'x', 1, 'y', '"', '}'}, false));
    malformed.add(new Case("malformed: raw NUL byte", Expect.REFUSED, m, path, JSON,
        new byte[] {'{', '"', 'a', '"', ':', '"', 'x', 0, 'y', '"', '}'}, false));
    malformed.add(json(m, path, "empty body", op.bodyRequired() ? Expect.REFUSED : Expect.ANY,
        ""));
    mustHave.add(malformed.remove(random.nextInt(malformed.size())));
    pool.addAll(malformed);
    pool.add(json(m, path, "byte order mark", Expect.ANY, "\uFEFF" + base));

    // wrong content type
    List<Case> types = new ArrayList<>();
    for (String t : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "image/png")) {
      types.add(new Case("content type " + t, Expect.REFUSED, m, path, t, bytes(base), false));
    }
    types.add(new Case("no content type", Expect.REFUSED, m, path, null, bytes(base), false));
    types.add(new Case("content type with an unknown charset", Expect.ANY, m, path,
        JSON + "; charset=x-unknown", bytes(base), false));
    mustHave.add(types.remove(random.nextInt(types.size())));
    pool.addAll(types);

    // oversized: a valid body with one huge extra string
    String pad = "\"hostile_padding\":\"" + "x".repeat(oversizeBytes) + "\"";
    String big = objectBody ? withRaw(base, pad) : "[" + "\"" + "x".repeat(oversizeBytes) + "\"]";
    mustHave.add(json(m, path, "oversized body (" + oversizeBytes / 1024 + " KiB)",
        Expect.TOO_LARGE, big));

    // the top-level value of the wrong type
    List<String> wrongTop = new ArrayList<>(List.of("\"text\"", "42", "true", "null"));
    wrongTop.add(objectBody ? "[]" : "{}");
    for (String w : wrongTop) {
      boolean maybe = w.equals("null") && !op.bodyRequired();
      pool.add(json(m, path, "body " + w, maybe ? Expect.ANY : Expect.REFUSED, w));
    }

    if (arrayBody) {
      JsonObject items = resolve(schema.getJsonObject("items"));
      JsonValue item = sample("item", items, random);
      for (Value v : values("item", items, false, true, random)) {
        pool.add(json(m, path, "item " + v.label(), v.expect(), "[" + v.text() + "]"));
      }
      pool.add(json(m, path, "2000 items", Expect.ANY,
          "[" + String.join(",", Collections.nCopies(2000, item.toString())) + "]"));
      return;
    }
    if (!objectBody) {
      return;
    }
    JsonObject body = (JsonObject) op.base();
    Set<String> req = m.equals("POST") ? required(schema) : Set.of();

    // missing required properties
    List<Case> missing = new ArrayList<>();
    for (String r : req) {
      JsonObjectBuilder b = Json.createObjectBuilder(body);
      b.remove(r);
      missing.add(json(m, path, "missing required " + r, Expect.REFUSED, b.build().toString()));
    }
    if (!missing.isEmpty()) {
      mustHave.add(missing.remove(random.nextInt(missing.size())));
      pool.addAll(missing);
    }

    // every property: wrong types and boundary values; one level into arrays of objects
    List<Case> wrongTypes = new ArrayList<>();
    properties(schema).forEach((name, raw) -> {
      JsonObject ps = resolve(raw);
      boolean readOnly = ps.getBoolean("readOnly", false) || raw.getBoolean("readOnly", false);
      boolean nullable = ps.getBoolean("nullable", false) || raw.getBoolean("nullable", false);
      for (Value v : values(name, ps, nullable || !req.contains(name), false, random)) {
        Expect e = readOnly ? Expect.ANY : v.expect();
        Case c = json(m, path, name + "=" + v.label(), e,
            withRaw(without(body, name), "\"" + name + "\":" + v.text()));
        (v.wrongType() && !readOnly ? wrongTypes : pool).add(c);
      }
      if (type(ps).equals("array") && ps.containsKey("items")) {
        JsonObject items = resolve(ps.getJsonObject("items"));
        if (type(items).equals("object")) {
          JsonObject item = (JsonObject) sample(name, items, random);
          Set<String> itemReq = required(items);
          properties(items).forEach((k, kr) -> {
            JsonObject ks = resolve(kr);
            if (ks.getBoolean("readOnly", false)) {
              return;
            }
            boolean kNullable = ks.getBoolean("nullable", false) || !itemReq.contains(k);
            for (Value v : values(k, ks, kNullable, false, random)) {
              String itemText = withRaw(without(item, k), "\"" + k + "\":" + v.text());
              pool.add(json(m, path, name + "[0]." + k + "=" + v.label(), v.expect(),
                  withRaw(without(body, name), "\"" + name + "\":[" + itemText + "]")));
            }
          });
        }
      }
    });
    if (!wrongTypes.isEmpty()) {
      mustHave.add(wrongTypes.remove(random.nextInt(wrongTypes.size())));
      pool.addAll(wrongTypes);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // values

  /** A hostile value: its JSON text (or, for parameters, URL-encoded text). */
  record Value(String label, String text, Expect expect, boolean wrongType) {}

  private static Value bad(String label, String text) {
    return new Value(label, text, Expect.REFUSED, false);
  }

  private static Value wrong(String label, String text) {
    return new Value(label, text, Expect.REFUSED, true);
  }

  private static Value maybe(String label, String text) {
    return new Value(label, text, Expect.ANY, false);
  }

  /** Hostile JSON values for a property of schema {@code s}. */
  List<Value> values(String name, JsonObject s, boolean nullable, boolean item, Random random) {
    List<Value> out = new ArrayList<>();
    String type = s.containsKey("enum") ? "string" : type(s);
    out.add(nullable ? maybe("null", "null") : bad("null", "null"));
    switch (type) {
      case "string" -> {
        out.add(wrong("number", "123"));
        out.add(wrong("boolean", "true"));
        out.add(wrong("object", "{\"a\":\"b\"}"));
        out.add(wrong("array", "[\"a\"]"));
        int min = s.getInt("minLength", 0);
        out.add(min > 0 ? bad("empty string", "\"\"") : maybe("empty string", "\"\""));
        out.add(maybe("whitespace", "\"   \\t \""));
        out.add(bad("NUL character", "\"a\\u0000b\""));
        out.add(maybe("unicode", "\"\uD83D\uDE00 \u05E2\u05D1\u05E8\u05D9\u05EA e\u0301 \u202Eabc"
            + " \u4E2D\u6587\""));
        out.add(maybe("lone surrogate", "\"\\ud800\""));
        out.add(maybe("markup and quotes", "\"<script>alert(1)</script>' OR '1'='1 \\\" \\\\ --\""));
        if (s.containsKey("maxLength")) {
          int max = s.getInt("maxLength");
          out.add(bad("maxLength+1 (" + (max + 1) + ")", "\"" + "x".repeat(max + 1) + "\""));
          out.add(bad("maxLength+1 multi-byte", "\"" + "\u00E9".repeat(max + 1) + "\""));
          out.add(bad("3 MB string", "\"" + "x".repeat(3_000_000) + "\""));
        } else {
          out.add(maybe("3 MB string", "\"" + "x".repeat(3_000_000) + "\""));
          out.add(maybe("100000 characters", "\"" + "y".repeat(100_000) + "\""));
        }
        out.add(maybe("random string", quote(randomString(random))));
        if (s.containsKey("enum")) {
          out.add(bad("invalid enum value", "\"not-a-" + name + "\""));
          String first = ((JsonString) s.getJsonArray("enum").get(0)).getString();
          out.add(maybe("enum value in upper case", quote(first.toUpperCase())));
        }
        String format = s.getString("format", "");
        if (format.equals("date-time")) {
          out.add(bad("invalid date-time", "\"2026-02-30T25:61:00Z\""));
          out.add(bad("date-time in words", "\"yesterday\""));
          out.add(bad("date-time year 99999", "\"99999-01-01T00:00:00Z\""));
        }
        if (format.equals("date")) {
          out.add(bad("invalid date", "\"2026-13-45\""));
          out.add(bad("date-time for a date", "\"2026-01-31T10:00:00Z x\""));
        }
        if (format.equals("email")) {
          out.add(bad("invalid e-mail", "\"not an e-mail\""));
        }
        if (s.containsKey("pattern")) {
          out.add(bad("not matching " + s.getString("pattern"), "\"lower-case 1!\""));
        }
      }
      case "integer" -> {
        boolean int32 = s.getString("format", "").equals("int32");
        out.add(wrong("string", "\"abc\""));
        out.add(wrong("numeric string", "\"12\""));
        out.add(wrong("fraction", "1.5"));
        out.add(wrong("boolean", "true"));
        out.add(wrong("object", "{}"));
        out.add(wrong("array", "[1]"));
        out.add(bad("Long.MAX_VALUE+1", "9223372036854775808"));
        out.add(bad("Long.MIN_VALUE-1", "-9223372036854775809"));
        out.add(bad("1e999", "1e999"));
        out.add(bad("400 digits", "9".repeat(400)));
        if (int32) {
          out.add(bad("Integer.MAX_VALUE+1", "2147483648"));
        }
        out.add(maybe("0", "0"));
        boolean nonNegative = s.containsKey("minimum")
            && s.getJsonNumber("minimum").bigDecimalValue().signum() >= 0;
        out.add(nonNegative ? bad("-1 below minimum", "-1") : maybe("-1", "-1"));
        if (s.containsKey("maximum")) {
          out.add(bad("maximum+1", s.getJsonNumber("maximum").bigDecimalValue()
              .add(BigDecimal.ONE).toPlainString()));
        }
        if (s.containsKey("minimum")) {
          out.add(bad("minimum-1", s.getJsonNumber("minimum").bigDecimalValue()
              .subtract(BigDecimal.ONE).toPlainString()));
        }
        out.add(maybe("1e2", "1e2"));
        out.add(maybe("random integer", Long.toString(randomLong(random))));
        if (name.endsWith("_id")) {
          out.add(maybe("unknown id", "987654321987"));
        }
      }
      case "number" -> {
        out.add(wrong("string", "\"abc\""));
        out.add(wrong("numeric string", "\"1.5\""));
        out.add(wrong("boolean", "false"));
        out.add(wrong("object", "{}"));
        out.add(wrong("array", "[1.5]"));
        out.add(wrong("\"NaN\"", "\"NaN\""));
        out.add(maybe("1e999", "1e999"));
        out.add(maybe("-1e999", "-1e999"));
        out.add(maybe("1e-999", "1e-999"));
        out.add(maybe("40 digits", "1234567890123456789012345678901234567890.5"));
        out.add(maybe("0", "0"));
        boolean nonNegative = s.containsKey("minimum")
            && s.getJsonNumber("minimum").bigDecimalValue().signum() >= 0;
        out.add(nonNegative ? bad("-0.01 below minimum", "-0.01") : maybe("-1", "-1"));
        if (s.containsKey("maximum")) {
          out.add(bad("maximum+0.5", s.getJsonNumber("maximum").bigDecimalValue()
              .add(new BigDecimal("0.5")).toPlainString()));
        }
        out.add(maybe("random number", randomLong(random) + "." + random.nextInt(1000)));
      }
      case "boolean" -> {
        out.add(wrong("string \"yes\"", "\"yes\""));
        out.add(wrong("string \"true\"", "\"true\""));
        out.add(wrong("number 1", "1"));
        out.add(wrong("number 0", "0"));
        out.add(wrong("object", "{}"));
        out.add(wrong("array", "[true]"));
      }
      case "array" -> {
        out.add(wrong("object", "{}"));
        out.add(wrong("string", "\"a,b\""));
        out.add(wrong("number", "1"));
        out.add(wrong("boolean", "true"));
        if (!item && s.containsKey("items")) {
          JsonObject items = resolve(s.getJsonObject("items"));
          out.add(bad("[null]", "[null]"));
          for (Value v : values(name + "[]", items, false, true, random)) {
            if (v.wrongType()) {
              out.add(bad("item " + v.label(), "[" + v.text() + "]"));
            }
          }
          out.add(maybe("2000 items", "[" + String.join(",",
              Collections.nCopies(2000, sample(name, items, random).toString())) + "]"));
        }
      }
      case "object" -> {
        out.add(wrong("array", "[]"));
        out.add(wrong("array of numbers", "[1]"));
        out.add(wrong("string", "\"a\""));
        out.add(wrong("number", "1"));
        if (s.containsKey("additionalProperties")) {
          JsonValue ap = s.get("additionalProperties");
          if (ap instanceof JsonObject apo && type(resolve(apo)).equals("string")) {
            out.add(bad("value of the wrong type", "{\"X-Hostile\": 1}"));
            out.add(bad("object value", "{\"X-Hostile\": {}}"));
            out.add(maybe("empty key", "{\"\": \"v\"}"));
            out.add(bad("NUL in a key", "{\"a\\u0000b\": \"v\"}"));
          }
        }
      }
      default -> {
        // untyped: the wrong types above cover it
      }
    }
    return out;
  }

  /** Hostile values of a query or path parameter (URL-encoded). */
  List<Value> parameterValues(JsonObject s, Random random) {
    List<Value> out = new ArrayList<>();
    String type = s.containsKey("enum") ? "string" : type(s);
    out.add(maybe("empty", ""));
    out.add(maybe("whitespace", enc("  ")));
    switch (type) {
      case "integer", "number" -> {
        out.add(wrong("abc", "abc"));
        out.add(wrong("true", "true"));
        out.add(wrong("[1]", enc("[1]")));
        out.add(wrong("{}", enc("{}")));
        out.add(wrong("null", "null"));
        out.add(bad("1e999", "1e999"));
        out.add(bad("Long.MAX_VALUE+1", "9223372036854775808"));
        out.add(bad("-Long.MIN_VALUE-1", "-9223372036854775809"));
        out.add(bad("400 digits", "9".repeat(400)));
        out.add(bad("NUL", "1%00"));
        if (type.equals("integer")) {
          out.add(bad("1.5", "1.5"));
          if (s.getString("format", "").equals("int32")) {
            out.add(bad("Integer.MAX_VALUE+1", "2147483648"));
          }
        }
        out.add(maybe("0", "0"));
        out.add(maybe("-1", "-1"));
        out.add(maybe("random", Long.toString(randomLong(random))));
      }
      case "boolean" -> {
        out.add(wrong("maybe", "maybe"));
        out.add(wrong("1", "1"));
        out.add(wrong("yes", "yes"));
        out.add(maybe("TRUE", "TRUE"));
      }
      default -> {
        out.add(maybe("NUL", "a%00b"));
        out.add(maybe("4000 characters", "z".repeat(4000))); // a request line over 8 KiB is refused by the HTTP layer
        out.add(maybe("unicode", enc("\uD83D\uDE00 \u202Eabc \u4E2D\u6587")));
        out.add(maybe("SQL and path characters", enc("' OR '1'='1 -- ../../etc/passwd %")));
        out.add(maybe("random", enc(randomString(random))));
        if (s.containsKey("enum")) {
          out.add(bad("invalid enum value", "not-a-value"));
        }
        String format = s.getString("format", "");
        if (format.startsWith("date")) {
          out.add(bad("invalid date", "2026-02-30T25:61:00Z"));
          out.add(bad("date in words", "yesterday"));
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------

  private static final String HOSTILE_CHARS = "aZ09 '\"\\/<>&%;{}[]\u00E9\u00DF\u4E2D\uD83D\uDE00"
      + "\u202E\u200B\t\n\r\u0001\u007F";

  /** A random string of hostile characters and length (0 to 300, sometimes exactly 64/128/256). */
  static String randomString(Random random) {
    int[] lengths = {0, 1, 2, 63, 64, 65, 127, 128, 129, 255, 256, 257};
    int len = random.nextBoolean() ? lengths[random.nextInt(lengths.length)] : random.nextInt(300);
    StringBuilder b = new StringBuilder();
    while (b.length() < len) {
      int i = random.nextInt(HOSTILE_CHARS.length());
      char c = HOSTILE_CHARS.charAt(i);
      if (Character.isHighSurrogate(c)) {
        b.append(c).append(HOSTILE_CHARS.charAt(i + 1));
      } else if (!Character.isLowSurrogate(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  static long randomLong(Random random) {
    long[] edges = {Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, -1, 1,
        65535, 86400, 1L << 53};
    return random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextLong();
  }

  static String quote(String s) {
    return Json.createValue(s).toString();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Case json(String method, String path, String label, Expect expect, String body) {
    return new Case(label, expect, method, path, JSON, bytes(body), false);
  }

  static String fill(String template, Map<String, String> values) {
    String out = template;
    for (Map.Entry<String, String> e : values.entrySet()) {
      out = out.replace("{" + e.getKey() + "}", e.getValue());
    }
    return out;
  }

  private static JsonObject without(JsonObject o, String key) {
    JsonObjectBuilder b = Json.createObjectBuilder(o);
    b.remove(key);
    return b.build();
  }

  private static String withRaw(JsonObject o, String member) {
    return withRaw(o.toString(), member);
  }

  /** Adds {@code "name": raw} as the first member of the JSON object text {@code object}. */
  static String withRaw(String object, String member) {
    String rest = object.trim().substring(1);
    return "{" + member + (rest.trim().equals("}") ? "}" : "," + rest);
  }

  static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }

  /** The id (or name) of the first element of a list answer, or null. */
  static String firstId(JsonValue list, String key) {
    JsonArray items = null;
    if (list instanceof JsonArray a) {
      items = a;
    } else if (list instanceof JsonObject o && o.get("items") instanceof JsonArray a) {
      items = a;
    }
    if (items == null) {
      return null;
    }
    for (JsonValue v : items) {
      if (v instanceof JsonObject o && o.containsKey(key)) {
        JsonValue id = o.get(key);
        return id instanceof JsonNumber n ? n.toString()
            : id instanceof JsonString str ? str.getString() : null;
      }
    }
    return null;
  }
}
