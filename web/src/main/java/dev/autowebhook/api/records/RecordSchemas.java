package dev.autowebhook.api.records;

import dev.autowebhook.records.control.RecordShape;
import dev.autowebhook.records.control.RecordShape.Attribute;
import dev.autowebhook.records.control.RecordShape.Kind;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * JSON schemas of the business records, read from the same {@link RecordShape} that maps them
 * (field names, read-only and computed fields, references as {@code <name>_id}, owned lines as
 * arrays) plus their Bean Validation constraints, so the contract cannot drift from the mapping.
 */
final class RecordSchemas {

  static final String REF = "#/components/schemas/";

  private RecordSchemas() {}

  /** Adds the component of a record class (and of its line classes); returns its name. */
  static String add(Components components, Class<?> type) {
    return add(components, type, null);
  }

  /**
   * The fields a create must carry: required by a constraint and without a default value.
   * Updates change only the fields present, so they have none.
   */
  static List<String> requiredOnCreate(Class<?> type) {
    Object fresh = fresh(type);
    List<String> required = new ArrayList<>();
    for (Attribute a : RecordShape.of(type).attributes()) {
      if ((a.kind() == Kind.VALUE || a.kind() == Kind.REFERENCE) && mandatory(a.field())
          && !a.field().getType().isPrimitive() && (fresh == null || a.read(fresh) == null)) {
        required.add(a.name());
      }
    }
    return required;
  }

  private static String add(Components components, Class<?> type, String backRef) {
    String name = type.getSimpleName();
    if (components.getSchemas() != null && components.getSchemas().containsKey(name)) {
      return name;
    }
    Schema schema = OASFactory.createSchema().type(SchemaType.OBJECT);
    components.addSchema(name, schema);
    for (Attribute a : RecordShape.of(type).attributes()) {
      if (backRef != null && a.field().getName().equals(backRef)) {
        continue; // the line's parent: implied by where the line is
      }
      schema.addProperty(a.name(), property(components, a));
    }
    return name;
  }

  private static Schema property(Components components, Attribute a) {
    Field f = a.field();
    return switch (a.kind()) {
      case ID -> OASFactory.createSchema().type(SchemaType.INTEGER).format("int64")
          .description("Assigned by the server; in a batch or a line it selects what to update");
      case READ_ONLY -> value(f).readOnly(true);
      case REFERENCE -> nullable(f, OASFactory.createSchema().type(SchemaType.INTEGER)
          .format("int64").description("Id of the " + RecordShape.snake(
              a.target().getSimpleName()).replace('_', ' ')));
      case LINES -> OASFactory.createSchema().type(SchemaType.ARRAY)
          .description("The lines, in order; an update replaces them (lines sent with their id"
              + " are kept and changed, the others created, missing ones removed)")
          .items(OASFactory.createSchema().ref(REF + add(components, a.target(), a.backRef())));
      case VALUE -> nullable(f, constrained(f, value(f)));
    };
  }

  private static Schema value(Field f) {
    Class<?> t = f.getType();
    Schema s = OASFactory.createSchema();
    if (t == String.class) {
      return s.type(SchemaType.STRING);
    }
    if (t == boolean.class || t == Boolean.class) {
      return s.type(SchemaType.BOOLEAN);
    }
    if (t == int.class || t == Integer.class) {
      return s.type(SchemaType.INTEGER).format("int32");
    }
    if (t == long.class || t == Long.class) {
      return s.type(SchemaType.INTEGER).format("int64");
    }
    if (t == BigDecimal.class || Number.class.isAssignableFrom(t) || t.isPrimitive()) {
      return s.type(SchemaType.NUMBER);
    }
    if (t == LocalDate.class) {
      return s.type(SchemaType.STRING).format("date");
    }
    if (t == OffsetDateTime.class) {
      return s.type(SchemaType.STRING).format("date-time");
    }
    if (t.isEnum()) {
      List<Object> values = new ArrayList<>();
      for (Object e : t.getEnumConstants()) {
        values.add(((Enum<?>) e).name().toLowerCase(Locale.ROOT));
      }
      return s.type(SchemaType.STRING).enumeration(values);
    }
    return s.type(SchemaType.STRING);
  }

  private static Schema constrained(Field f, Schema s) {
    Size size = f.getAnnotation(Size.class);
    if (size != null) {
      if (size.min() > 0) {
        s.minLength(size.min());
      }
      if (size.max() < Integer.MAX_VALUE) {
        s.maxLength(size.max());
      }
    }
    if (f.isAnnotationPresent(NotBlank.class) && s.getMinLength() == null) {
      s.minLength(1);
    }
    Pattern pattern = f.getAnnotation(Pattern.class);
    if (pattern != null) {
      s.pattern("^(?:" + pattern.regexp() + ")$");
    }
    if (f.isAnnotationPresent(Email.class)) {
      s.format("email");
    }
    DecimalMin dmin = f.getAnnotation(DecimalMin.class);
    if (dmin != null) {
      s.minimum(new BigDecimal(dmin.value())).exclusiveMinimum(dmin.inclusive() ? null : true);
    }
    DecimalMax dmax = f.getAnnotation(DecimalMax.class);
    if (dmax != null) {
      s.maximum(new BigDecimal(dmax.value())).exclusiveMaximum(dmax.inclusive() ? null : true);
    }
    Min min = f.getAnnotation(Min.class);
    if (min != null) {
      s.minimum(BigDecimal.valueOf(min.value()));
    }
    Max max = f.getAnnotation(Max.class);
    if (max != null) {
      s.maximum(BigDecimal.valueOf(max.value()));
    }
    if (f.isAnnotationPresent(PositiveOrZero.class)) {
      s.minimum(BigDecimal.ZERO);
    }
    if (f.isAnnotationPresent(Positive.class)) {
      s.minimum(BigDecimal.ZERO).exclusiveMinimum(true);
    }
    return s;
  }

  private static Schema nullable(Field f, Schema s) {
    return mandatory(f) || f.getType().isPrimitive() ? s : s.nullable(true);
  }

  private static boolean mandatory(Field f) {
    return f.isAnnotationPresent(NotNull.class) || f.isAnnotationPresent(NotBlank.class)
        || f.isAnnotationPresent(NotEmpty.class);
  }

  private static Object fresh(Class<?> type) {
    try {
      var constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // then every constrained field counts as required
    }
  }
}
