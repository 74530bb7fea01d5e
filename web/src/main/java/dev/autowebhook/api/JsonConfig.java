package dev.autowebhook.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON-B for the API: snake_case property names and explicit nulls, everywhere; and strict
 * scalar types on input. Yasson on its own reads {@code "name": 123} as the text "123",
 * {@code "enabled": "yes"} as false and {@code "timeout_seconds": "5"} as 5: here a string must be
 * a JSON string, a boolean {@code true} or {@code false}, a whole number a JSON integer that
 * fits, a map a JSON object (Yasson also takes an array of key/value entries, so {@code []}
 * cleared a map), else the request is refused with a 400 naming the property.
 */
@Provider
public class JsonConfig implements ContextResolver<Jsonb> {

  private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
      .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
      .withNullValues(true)
      .withDeserializers(new Strings(), new Booleans(), new Integers(), new Longs(),
          new StringMaps(), new StringListMaps()));

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }

  /** Only a JSON string is a string. */
  public static final class Strings implements JsonbDeserializer<String> {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
      JsonValue v = parser.getValue();
      return switch (v.getValueType()) {
        case NULL -> null;
        case STRING -> ((JsonString) v).getString();
        default -> throw new JsonbException("must be a string");
      };
    }
  }

  /** Only {@code true} and {@code false} are booleans. */
  public static final class Booleans implements JsonbDeserializer<Boolean> {
    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
      return switch (parser.getValue().getValueType()) {
        case NULL -> null;
        case TRUE -> Boolean.TRUE;
        case FALSE -> Boolean.FALSE;
        default -> throw new JsonbException("must be true or false");
      };
    }
  }

  /** A JSON integer within the 32-bit range. */
  public static final class Integers implements JsonbDeserializer<Integer> {
    @Override
    public Integer deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
      Long v = whole(parser.getValue(), Integer.MIN_VALUE, Integer.MAX_VALUE);
      return v == null ? null : v.intValue();
    }
  }

  /** A JSON integer within the 64-bit range. */
  public static final class Longs implements JsonbDeserializer<Long> {
    @Override
    public Long deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
      return whole(parser.getValue(), Long.MIN_VALUE, Long.MAX_VALUE);
    }
  }

  /** A JSON object of strings (a null value is passed on, for the caller to name the key). */
  public static final class StringMaps implements JsonbDeserializer<Map<String, String>> {
    @Override
    public Map<String, String> deserialize(JsonParser parser, DeserializationContext ctx,
        Type rtType) {
      JsonObject o = object(parser.getValue());
      if (o == null) {
        return null;
      }
      Map<String, String> out = new LinkedHashMap<>();
      o.forEach((k, v) -> out.put(k, text(v, "an object of strings")));
      return out;
    }
  }

  /** A JSON object of arrays of strings. */
  public static final class StringListMaps
      implements JsonbDeserializer<Map<String, List<String>>> {
    @Override
    public Map<String, List<String>> deserialize(JsonParser parser, DeserializationContext ctx,
        Type rtType) {
      JsonObject o = object(parser.getValue());
      if (o == null) {
        return null;
      }
      Map<String, List<String>> out = new LinkedHashMap<>();
      o.forEach((k, v) -> {
        if (!(v instanceof JsonArray a)) {
          throw new JsonbException("must be an object of arrays of strings");
        }
        List<String> items = new ArrayList<>();
        a.forEach(item -> items.add(text(item, "an object of arrays of strings")));
        out.put(k, items);
      });
      return out;
    }
  }

  private static JsonObject object(JsonValue v) {
    if (v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(v instanceof JsonObject o)) {
      throw new JsonbException("must be a JSON object");
    }
    return o;
  }

  private static String text(JsonValue v, String shape) {
    if (v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(v instanceof JsonString str)) {
      throw new JsonbException("must be " + shape);
    }
    return str.getString();
  }

  /**
   * The value as a whole number in range, null for JSON null. (Yasson's parser answers
   * {@code getValue()} but not {@code currentEvent()}.)
   */
  static Long whole(JsonValue value, long min, long max) {
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(value instanceof JsonNumber n) || !n.isIntegral()) {
      throw new JsonbException("must be an integer");
    }
    try {
      long v = n.bigDecimalValue().longValueExact();
      if (v < min || v > max) {
        throw new ArithmeticException();
      }
      return v;
    } catch (ArithmeticException e) {
      throw new JsonbException("must be an integer between " + min + " and " + max);
    }
  }
}
