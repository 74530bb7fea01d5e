package dev.autowebhook.api.openapi;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.io.IOException;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Component schemas of the API's Java records as JSON-B writes them ({@code JsonConfig}:
 * snake_case names, explicit nulls, ISO-8601 dates), replacing the scanner's guesses. Payara's
 * scan names properties after the Java components (camelCase), documents {@code long} as a
 * plain number and {@code Optional} as an object; a record found by its simple name is described
 * again from its components here.
 */
final class JsonbSchemas {

  private static final Logger LOG = Logger.getLogger(JsonbSchemas.class.getName());
  private static final String REF = "#/components/schemas/";

  private final Components components;

  private JsonbSchemas(Components components) {
    this.components = components;
  }

  /**
   * Replaces each component schema whose name is the simple name of exactly one record class
   * under {@code rootPackage}, adds the components that references name (an
   * {@code @Schema(ref = "SubscriberOut")} of a response the scan did not see) and those the
   * records refer to.
   */
  static void complete(OpenAPI api, ClassLoader loader, String rootPackage) {
    Components components = api.getComponents();
    Map<String, Class<?>> records = records(loader, rootPackage);
    inlinedToReferences(api, records);
    JsonbSchemas schemas = new JsonbSchemas(components);
    Map<String, Schema> scanned = components.getSchemas() == null ? Map.of()
        : new LinkedHashMap<>(components.getSchemas());
    scanned.forEach((name, schema) -> {
      Class<?> type = records.get(name);
      if (type != null) {
        Schema described = schemas.record(type);
        if (schema.getDescription() != null && !schema.getDescription().isBlank()) {
          described.description(schema.getDescription());
        }
        components.addSchema(name, described);
      }
    });
    for (String name : ScanRepairs.Schemas.referenced(api)) {
      Class<?> type = records.get(name);
      if (type != null && (components.getSchemas() == null
          || !components.getSchemas().containsKey(name))) {
        schemas.of(type);
      }
    }
    // the others (not records, or names two records share): at least JSON-B's names
    scanned.forEach((name, schema) -> {
      if (!records.containsKey(name)) {
        ScanRepairs.Schemas.forEach(schema, JsonbSchemas::snakeCaseProperties);
      }
    });
  }

  private static void snakeCaseProperties(Schema s) {
    if (s.getProperties() != null && !s.getProperties().isEmpty()) {
      Map<String, Schema> renamed = new LinkedHashMap<>();
      s.getProperties().forEach((k, v) -> renamed.put(jsonName(k), v));
      s.setProperties(renamed);
    }
    if (s.getRequired() != null && !s.getRequired().isEmpty()) {
      s.setRequired(new ArrayList<>(s.getRequired().stream().map(JsonbSchemas::jsonName).toList()));
    }
  }

  /**
   * Payara copies the properties of an {@code @Schema(implementation = X.class)} into the
   * operation instead of referring to X's component (and for {@code type = ARRAY} makes them the
   * array's own properties). A schema whose property names are exactly the components of one
   * record becomes a reference to it (or an array of such references).
   */
  private static void inlinedToReferences(OpenAPI api, Map<String, Class<?>> records) {
    Map<Set<String>, String> byNames = new HashMap<>();
    Set<Set<String>> ambiguous = new HashSet<>();
    records.forEach((name, type) -> {
      Set<String> names = new HashSet<>();
      for (RecordComponent c : type.getRecordComponents()) {
        names.add(c.getName());
      }
      if (byNames.putIfAbsent(names, name) != null) {
        ambiguous.add(names);
      }
    });
    ambiguous.forEach(byNames::remove);
    ScanRepairs.forEachOperation(api, op -> ScanRepairs.Schemas.ofOperation(op, s -> {
      if (s.getRef() != null || s.getProperties() == null || s.getProperties().isEmpty()) {
        return true;
      }
      String name = byNames.get(s.getProperties().keySet());
      if (name == null) {
        return true;
      }
      boolean array = s.getType() == SchemaType.ARRAY;
      s.setProperties(null);
      s.setType(null);
      s.setDescription(null);
      if (array) {
        s.setType(SchemaType.ARRAY);
        s.setItems(OASFactory.createSchema().ref(REF + name));
      } else {
        s.setRef(REF + name);
      }
      return false; // replaced: nothing inside to look at
    }));
  }

  /** The JSON property name JSON-B uses for a Java name (LOWER_CASE_WITH_UNDERSCORES). */
  static String jsonName(String javaName) {
    StringBuilder sb = new StringBuilder(javaName.length() + 4);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0 && sb.charAt(sb.length() - 1) != '_') {
          sb.append('_');
        }
        sb.append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private Schema record(Class<?> type) {
    Schema schema = OASFactory.createSchema().type(SchemaType.OBJECT);
    for (RecordComponent c : type.getRecordComponents()) {
      JsonbProperty named = c.getAccessor().getAnnotation(JsonbProperty.class);
      String name = named != null && !named.value().isEmpty() ? named.value() : jsonName(c.getName());
      Schema property = of(c.getGenericType());
      if (!c.getType().isPrimitive() && property.getRef() == null) {
        property.nullable(true); // JsonConfig writes nulls
      }
      schema.addProperty(name, property);
    }
    return schema;
  }

  /** The schema of a Java type; records become references to their own components. */
  Schema of(Type type) {
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] args = p.getActualTypeArguments();
      if (raw == Optional.class) {
        return of(args[0]).nullable(true);
      }
      if (Collection.class.isAssignableFrom(raw)) {
        return OASFactory.createSchema().type(SchemaType.ARRAY).items(of(args[0]));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return OASFactory.createSchema().type(SchemaType.OBJECT)
            .additionalPropertiesSchema(of(args[1]));
      }
      return of(raw);
    }
    if (type instanceof WildcardType w) {
      return of(w.getUpperBounds()[0]);
    }
    if (type instanceof GenericArrayType g) {
      return OASFactory.createSchema().type(SchemaType.ARRAY).items(of(g.getGenericComponentType()));
    }
    if (!(type instanceof Class<?> c)) {
      return OASFactory.createSchema().type(SchemaType.OBJECT);
    }
    return ofClass(c);
  }

  private Schema ofClass(Class<?> c) {
    Schema s = OASFactory.createSchema();
    if (c == String.class || c == char.class || c == Character.class) {
      return s.type(SchemaType.STRING);
    }
    if (c == boolean.class || c == Boolean.class) {
      return s.type(SchemaType.BOOLEAN);
    }
    if (c == int.class || c == Integer.class || c == short.class || c == Short.class
        || c == byte.class || c == Byte.class) {
      return s.type(SchemaType.INTEGER).format("int32");
    }
    if (c == long.class || c == Long.class || c == BigInteger.class) {
      return s.type(SchemaType.INTEGER).format("int64");
    }
    if (c == double.class || c == Double.class) {
      return s.type(SchemaType.NUMBER).format("double");
    }
    if (c == float.class || c == Float.class) {
      return s.type(SchemaType.NUMBER).format("float");
    }
    if (c == BigDecimal.class || Number.class.isAssignableFrom(c)) {
      return s.type(SchemaType.NUMBER);
    }
    if (c == OffsetDateTime.class || c == ZonedDateTime.class || c == Instant.class
        || c == LocalDateTime.class) {
      return s.type(SchemaType.STRING).format("date-time");
    }
    if (c == LocalDate.class) {
      return s.type(SchemaType.STRING).format("date");
    }
    if (c == UUID.class) {
      return s.type(SchemaType.STRING).format("uuid");
    }
    if (c == URI.class || c == URL.class) {
      return s.type(SchemaType.STRING).format("uri");
    }
    if (c == byte[].class) {
      return s.type(SchemaType.STRING).format("byte");
    }
    if (c.isArray()) {
      return s.type(SchemaType.ARRAY).items(ofClass(c.getComponentType()));
    }
    if (c.isEnum()) {
      List<Object> values = new ArrayList<>();
      for (Object e : c.getEnumConstants()) {
        values.add(((Enum<?>) e).name());
      }
      return s.type(SchemaType.STRING).enumeration(values);
    }
    if (JsonArray.class.isAssignableFrom(c) || Collection.class.isAssignableFrom(c)) {
      return s.type(SchemaType.ARRAY).items(OASFactory.createSchema()
          .description("Any JSON value"));
    }
    if (JsonObject.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c)) {
      return s.type(SchemaType.OBJECT);
    }
    if (JsonValue.class.isAssignableFrom(c) || c == Object.class) {
      return s.description("Any JSON value");
    }
    if (c.isRecord()) {
      String name = c.getSimpleName();
      if (components.getSchemas() == null || !components.getSchemas().containsKey(name)) {
        components.addSchema(name, OASFactory.createSchema()); // placeholder against cycles
        components.addSchema(name, record(c));
      }
      return s.ref(REF + name);
    }
    return s.type(SchemaType.OBJECT);
  }

  /** Record classes under a package of the class path, by simple name (shared names left out). */
  static Map<String, Class<?>> records(ClassLoader loader, String rootPackage) {
    Map<String, Class<?>> bySimpleName = new HashMap<>();
    recordsBySimpleName(loader, rootPackage).forEach((name, classes) -> {
      if (classes.size() == 1) {
        bySimpleName.put(name, classes.get(0));
      }
    });
    return bySimpleName;
  }

  /**
   * All record classes under a package, by simple name. Payara names a schema after the simple
   * name, so two records of one name share (and garble) one schema.
   */
  static Map<String, List<Class<?>>> recordsBySimpleName(ClassLoader loader, String rootPackage) {
    Map<String, List<Class<?>>> bySimpleName = new java.util.TreeMap<>();
    for (String className : classNames(loader, rootPackage)) {
      try {
        Class<?> c = Class.forName(className, false, loader);
        if (c.isRecord()) {
          bySimpleName.computeIfAbsent(c.getSimpleName(), n -> new ArrayList<>()).add(c);
        }
      } catch (ClassNotFoundException | LinkageError e) {
        LOG.log(Level.FINE, "Skipping " + className, e);
      }
    }
    return bySimpleName;
  }

  private static List<String> classNames(ClassLoader loader, String rootPackage) {
    String dir = rootPackage.replace('.', '/');
    List<String> names = new ArrayList<>();
    try {
      Enumeration<URL> roots = loader.getResources(dir);
      while (roots.hasMoreElements()) {
        URL url = roots.nextElement();
        if ("file".equals(url.getProtocol())) {
          Path root = Path.of(url.toURI());
          try (Stream<Path> files = Files.walk(root)) {
            files.map(root::relativize).map(Path::toString)
                .filter(f -> f.endsWith(".class"))
                .forEach(f -> names.add(className(dir + "/" + f.replace('\\', '/'))));
          }
        } else if ("jar".equals(url.getProtocol())
            && url.openConnection() instanceof JarURLConnection jar) {
          jar.setUseCaches(false);
          try (JarFile file = jar.getJarFile()) {
            for (JarEntry e : java.util.Collections.list(file.entries())) {
              if (e.getName().startsWith(dir + "/") && e.getName().endsWith(".class")) {
                names.add(className(e.getName()));
              }
            }
          }
        }
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot list the classes of " + rootPackage
          + "; their OpenAPI schemas stay as scanned", e);
    }
    return names;
  }

  private static String className(String resource) {
    return resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
  }
}
