package dev.autowebhook.records.boundary;

import dev.autowebhook.capture.boundary.Tracked;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.records.control.RecordShape;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.metamodel.EntityType;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry of tracked models: every {@code @Tracked} entity of the persistence unit, by model
 * key, with its JSON shape. Used to validate model keys and field names in configs.
 */
@ApplicationScoped
public class Models {

  @PersistenceUnit(unitName = "autowebhook")
  EntityManagerFactory emf;

  private volatile Map<String, Class<?>> byKey;

  private Map<String, Class<?>> byKey() {
    Map<String, Class<?>> m = byKey;
    if (m == null) {
      Map<String, Class<?>> found = new TreeMap<>();
      for (EntityType<?> t : emf.getMetamodel().getEntities()) {
        Tracked tracked = t.getJavaType().getAnnotation(Tracked.class);
        if (tracked != null) {
          found.put(tracked.value(), t.getJavaType());
        }
      }
      m = Collections.unmodifiableMap(found);
      byKey = m;
    }
    return m;
  }

  public List<String> keys() {
    return List.copyOf(byKey().keySet());
  }

  public Optional<Class<?>> type(String model) {
    return Optional.ofNullable(model == null ? null : byKey().get(model));
  }

  /** The model's class, or a 400 naming the known models. */
  public Class<?> require(String field, String model) {
    return type(model).orElseThrow(() -> new InvalidInputException(field,
        "unknown model '" + model + "'; known models are " + String.join(", ", keys())));
  }

  public List<String> fieldNames(String model) {
    return RecordShape.of(require("model", model)).fieldNames();
  }

  public static String modelOf(Class<?> type) {
    Tracked t = type.getAnnotation(Tracked.class);
    return t == null ? null : t.value();
  }
}
