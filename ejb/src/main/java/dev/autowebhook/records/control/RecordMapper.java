package dev.autowebhook.records.control;

import dev.autowebhook.platform.InvalidInputException.Violation;
import dev.autowebhook.records.control.RecordShape.Attribute;
import dev.autowebhook.records.control.RecordShape.Kind;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.Persistence;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Turns a record into its JSON-ready snapshot (the same map serves the REST API, the webhook
 * {@code data} and the diff of an update) and applies client JSON onto a record, collecting a
 * message per bad field instead of failing on the first. Never triggers lazy loading: lines that
 * are not loaded are left out of the snapshot.
 */
public final class RecordMapper {

  private RecordMapper() {}

  /** Snapshot of every persistent field, in declaration order, with JSON-ready values. */
  public static Map<String, Object> snapshot(Object entity) {
    return snapshot(entity, null);
  }

  private static Map<String, Object> snapshot(Object entity, String skip) {
    RecordShape shape = RecordShape.of(entity.getClass());
    Map<String, Object> out = new LinkedHashMap<>();
    for (Attribute a : shape.attributes()) {
      if (a.kind() == Kind.LINES) {
        if (!Persistence.getPersistenceUtil().isLoaded(entity, a.field().getName())) {
          continue;
        }
        Object lines = a.read(entity);
        List<Object> list = new ArrayList<>();
        if (lines != null) {
          for (Object line : (Collection<?>) lines) {
            list.add(snapshot(line, a.backRef()));
          }
        }
        out.put(a.name(), list);
      } else if (a.kind() == Kind.REFERENCE) {
        if (a.field().getName().equals(skip)) {
          continue;
        }
        Object target = a.read(entity);
        out.put(a.name(), target == null ? null : RecordShape.of(target.getClass()).idOf(target));
      } else {
        out.put(a.name(), jsonValue(a.read(entity)));
      }
    }
    return out;
  }

  static Object jsonValue(Object v) {
    if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Enum<?> e) {
      return e.name().toLowerCase(Locale.ROOT);
    }
    if (v instanceof OffsetDateTime t) {
      return t.withOffsetSameInstant(ZoneOffset.UTC).toString();
    }
    return v.toString();
  }

  /** Equality of two snapshot values: numbers by value (1.0 equals 1.00), lists element-wise. */
  public static boolean same(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!same(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (!x.keySet().equals(y.keySet())) {
        return false;
      }
      for (Object k : x.keySet()) {
        if (!same(x.get(k), y.get(k))) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(a, b);
  }

  /**
   * Applies the fields present in {@code in} to {@code entity}. Read-only fields (id, version,
   * timestamps, computed totals) are ignored so that a client can send back what it read.
   *
   * @param references resolves {@code (type, id)} to a managed entity or null
   * @return one violation per bad field; empty when everything applied
   */
  public static List<Violation> apply(JsonObject in, Object entity,
      BiFunction<Class<?>, Object, Object> references) {
    List<Violation> violations = new ArrayList<>();
    apply(in, entity, references, "", null, violations);
    return violations;
  }

  private static void apply(JsonObject in, Object entity,
      BiFunction<Class<?>, Object, Object> references, String prefix, String backRef,
      List<Violation> violations) {
    RecordShape shape = RecordShape.of(entity.getClass());
    for (Map.Entry<String, JsonValue> e : in.entrySet()) {
      String field = prefix + e.getKey();
      Attribute a = shape.attribute(e.getKey());
      if (a == null || (backRef != null && a.field().getName().equals(backRef))) {
        violations.add(new Violation(field, "unknown field; known fields are "
            + String.join(", ", shape.fieldNames())));
        continue;
      }
      JsonValue value = e.getValue();
      switch (a.kind()) {
        case READ_ONLY -> { }
        case ID -> { // ignored (the path or the batch names the record), but of the right type
          if (value.getValueType() != JsonValue.ValueType.NULL && !isLong(value)) {
            violations.add(new Violation(field, "must be an integer"));
          }
        }
        case VALUE -> {
          try {
            Object converted = convert(value, a.field().getType());
            if (converted == null && a.field().getType().isPrimitive()) {
              violations.add(new Violation(field, "must not be null"));
            } else {
              a.write(entity, converted);
            }
          } catch (IllegalArgumentException ex) {
            violations.add(new Violation(field, ex.getMessage()));
          }
        }
        case REFERENCE -> {
          if (value.getValueType() == JsonValue.ValueType.NULL) {
            a.write(entity, null);
          } else if (value instanceof JsonNumber n && n.isIntegral()) {
            Object target = references.apply(a.target(), n.longValue());
            if (target == null) {
              violations.add(new Violation(field, RecordShape.snake(a.target().getSimpleName())
                  + " " + n.longValue() + " does not exist"));
            } else {
              a.write(entity, target);
            }
          } else {
            violations.add(new Violation(field, "must be the id (an integer) of a "
                + RecordShape.snake(a.target().getSimpleName())));
          }
        }
        case LINES -> applyLines(value, entity, a, references, field, violations);
        default -> throw new IllegalStateException(a.kind().toString());
      }
    }
  }

  private static boolean isLong(JsonValue v) {
    if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
      return false;
    }
    try {
      n.bigDecimalValue().longValueExact();
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  @SuppressWarnings("unchecked")
  private static void applyLines(JsonValue value, Object parent, Attribute a,
      BiFunction<Class<?>, Object, Object> references, String field, List<Violation> violations) {
    if (!(value instanceof JsonArray array)) {
      violations.add(new Violation(field, "must be an array of line objects"));
      return;
    }
    Collection<Object> lines = (Collection<Object>) a.read(parent);
    RecordShape lineShape = RecordShape.of(a.target());
    Map<Object, Object> existing = new HashMap<>();
    for (Object line : lines) {
      existing.put(lineShape.idOf(line), line);
    }
    List<Object> kept = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String at = field + "[" + i + "]";
      if (!(array.get(i) instanceof JsonObject obj)) {
        violations.add(new Violation(at, "must be an object"));
        continue;
      }
      Object line;
      JsonValue id = obj.get("id");
      if (id instanceof JsonNumber n && existing.containsKey(n.longValue())) {
        line = existing.get(n.longValue());
      } else if (id != null && id.getValueType() != JsonValue.ValueType.NULL) {
        violations.add(new Violation(at + ".id", "is not a line of this record"));
        continue;
      } else {
        try {
          line = a.target().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException ex) {
          throw new IllegalStateException(ex);
        }
        lineShape.attributes().stream()
            .filter(la -> la.field().getName().equals(a.backRef()))
            .forEach(la -> la.write(line, parent));
      }
      apply(obj, line, references, at + ".", a.backRef(), violations);
      kept.add(line);
    }
    lines.retainAll(kept);
    for (Object line : kept) {
      if (!lines.contains(line)) {
        lines.add(line);
      }
    }
  }

  /** Converts a JSON value to a field type, or throws IllegalArgumentException with a message. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object convert(JsonValue v, Class<?> type) {
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (type == String.class) {
      if (v instanceof JsonString s) {
        return s.getString();
      }
      throw new IllegalArgumentException("must be a string");
    }
    if (type == Boolean.class || type == boolean.class) {
      if (v == JsonValue.TRUE) {
        return Boolean.TRUE;
      }
      if (v == JsonValue.FALSE) {
        return Boolean.FALSE;
      }
      throw new IllegalArgumentException("must be true or false");
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      if (v instanceof JsonNumber n && n.isIntegral()) {
        try {
          long l = n.bigIntegerValueExact().longValueExact();
          if (type == Integer.class || type == int.class) {
            return Math.toIntExact(l);
          }
          return l;
        } catch (ArithmeticException ex) {
          throw new IllegalArgumentException("is out of range");
        }
      }
      throw new IllegalArgumentException("must be an integer");
    }
    if (type == BigDecimal.class) {
      if (v instanceof JsonNumber n) {
        BigDecimal d = n.bigDecimalValue();
        if (d.precision() - d.scale() > 14) {
          throw new IllegalArgumentException("is too large");
        }
        return d;
      }
      throw new IllegalArgumentException("must be a number");
    }
    if (type == LocalDate.class) {
      try {
        return LocalDate.parse(((JsonString) v).getString());
      } catch (ClassCastException | DateTimeParseException ex) {
        throw new IllegalArgumentException("must be a date like 2026-01-31");
      }
    }
    if (type == OffsetDateTime.class) {
      try {
        return OffsetDateTime.parse(((JsonString) v).getString());
      } catch (ClassCastException | DateTimeParseException ex) {
        throw new IllegalArgumentException("must be a date-time like 2026-01-31T10:15:00Z");
      }
    }
    if (type.isEnum()) {
      String s = v instanceof JsonString js ? js.getString() : null;
      for (Object c : type.getEnumConstants()) {
        if (((Enum) c).name().equalsIgnoreCase(s)) {
          return c;
        }
      }
      throw new IllegalArgumentException("must be one of " + Arrays.stream(type.getEnumConstants())
          .map(c -> ((Enum) c).name().toLowerCase(Locale.ROOT)).toList());
    }
    throw new IllegalArgumentException("cannot be set");
  }
}
