package dev.autowebhook.records.control;

import dev.autowebhook.records.entity.Computed;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON shape of a record class, read once from its JPA fields: which snake_case name each
 * persistent field has, whether it is written by clients, and how relations appear (a
 * {@code <name>_id} for a many-to-one, an array for owned lines).
 */
public final class RecordShape {

  /** How a field takes part in the JSON form. */
  public enum Kind {
    ID, READ_ONLY, VALUE, REFERENCE, LINES
  }

  /** One persistent field. For LINES, {@code target} is the line class and backRef its parent field. */
  public record Attribute(String name, Field field, Kind kind, Class<?> target, String backRef) {

    public Object read(Object entity) {
      try {
        return field.get(entity);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    public void write(Object entity, Object value) {
      try {
        field.set(entity, value);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final Map<Class<?>, RecordShape> SHAPES = new ConcurrentHashMap<>();

  private final Class<?> type;
  private final List<Attribute> attributes;
  private final Map<String, Attribute> byName;
  private final Attribute id;

  private RecordShape(Class<?> type) {
    this.type = type;
    List<Class<?>> hierarchy = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      if (c.isAnnotationPresent(Entity.class) || c.isAnnotationPresent(MappedSuperclass.class)) {
        hierarchy.add(0, c);
      }
    }
    List<Attribute> list = new ArrayList<>();
    Attribute idAttr = null;
    for (Class<?> c : hierarchy) {
      for (Field f : c.getDeclaredFields()) {
        int mod = f.getModifiers();
        if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()
            || f.isAnnotationPresent(Transient.class) || f.getName().startsWith("_persistence")) {
          continue;
        }
        f.setAccessible(true);
        String name = snake(f.getName());
        Attribute a;
        if (f.isAnnotationPresent(Id.class)) {
          a = new Attribute(name, f, Kind.ID, null, null);
          idAttr = a;
        } else if (f.isAnnotationPresent(ManyToOne.class) || f.isAnnotationPresent(OneToOne.class)) {
          a = new Attribute(name + "_id", f, Kind.REFERENCE, f.getType(), null);
        } else if (f.isAnnotationPresent(OneToMany.class)) {
          Class<?> line = (Class<?>) ((ParameterizedType) f.getGenericType())
              .getActualTypeArguments()[0];
          a = new Attribute(name, f, Kind.LINES, line, f.getAnnotation(OneToMany.class).mappedBy());
        } else if (f.isAnnotationPresent(Version.class) || f.isAnnotationPresent(Computed.class)
            || name.equals("created_at") || name.equals("updated_at")) {
          a = new Attribute(name, f, Kind.READ_ONLY, f.getType(), null);
        } else {
          a = new Attribute(name, f, Kind.VALUE, f.getType(), null);
        }
        list.add(a);
      }
    }
    this.attributes = Collections.unmodifiableList(list);
    Map<String, Attribute> names = new java.util.LinkedHashMap<>();
    list.forEach(a -> names.put(a.name(), a));
    this.byName = Collections.unmodifiableMap(names);
    this.id = idAttr;
  }

  public static RecordShape of(Class<?> type) {
    Class<?> real = type;
    // EclipseLink weaving keeps the class; proxies of other providers subclass it
    while (real.getSuperclass() != null && !real.isAnnotationPresent(Entity.class)
        && real.getSuperclass().isAnnotationPresent(Entity.class)) {
      real = real.getSuperclass();
    }
    return SHAPES.computeIfAbsent(real, RecordShape::new);
  }

  public static String snake(String camel) {
    StringBuilder sb = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char ch = camel.charAt(i);
      if (Character.isUpperCase(ch)) {
        if (i > 0) {
          sb.append('_');
        }
        sb.append(Character.toLowerCase(ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  public Class<?> type() {
    return type;
  }

  public List<Attribute> attributes() {
    return attributes;
  }

  public Attribute attribute(String name) {
    return byName.get(name);
  }

  /** The snake_case names a client may send or filter on (values and references). */
  public List<String> fieldNames() {
    return attributes.stream().map(Attribute::name).toList();
  }

  public Object idOf(Object entity) {
    return entity == null || id == null ? null : id.read(entity);
  }
}
