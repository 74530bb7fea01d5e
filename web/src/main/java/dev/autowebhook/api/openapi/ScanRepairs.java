package dev.autowebhook.api.openapi;

import dev.autowebhook.platform.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Undoes what Payara's annotation scan gets wrong, so the filter works on a clean model: its own
 * {@code endpoints} key (not OpenAPI), tags repeated per resource, schema defaults written out
 * ({@code maxProperties: 0} forbids any property), {@code @ExampleObject} values kept as strings
 * instead of JSON, and {@code long} path ids as plain numbers.
 */
final class ScanRepairs {

  private ScanRepairs() {}

  static void apply(OpenAPI api) {
    dropEndpoints(api);
    dedupeTags(api);
    Schemas.forEach(api, ScanRepairs::dropDefaults);
    forEachOperation(api, op -> {
      if (Boolean.FALSE.equals(op.getDeprecated())) {
        op.setDeprecated(null);
      }
      if (op.getParameters() != null) {
        op.getParameters().forEach(ScanRepairs::dropDefaults);
        op.getParameters().stream().filter(p -> p.getIn() == Parameter.In.PATH)
            .forEach(ScanRepairs::integerId);
      }
      if (op.getRequestBody() != null) {
        parseExamples(op.getRequestBody().getContent());
      }
      if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
        op.getResponses().getAPIResponses().values().forEach(r -> parseExamples(r.getContent()));
      }
    });
  }

  static void forEachOperation(OpenAPI api, Consumer<Operation> action) {
    if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
      return;
    }
    for (PathItem item : api.getPaths().getPathItems().values()) {
      item.getOperations().values().forEach(action);
    }
  }

  /** Payara adds {@code endpoints} (paths per context root) to the model; OpenAPI has no such key. */
  private static void dropEndpoints(OpenAPI api) {
    try {
      api.getClass().getMethod("setEndpoints", Map.class).invoke(api, new LinkedHashMap<>());
    } catch (ReflectiveOperationException | RuntimeException e) {
      // not Payara's model: nothing to drop
    }
  }

  /** One tag per name, the first (the one with a description from the definition) wins. */
  private static void dedupeTags(OpenAPI api) {
    if (api.getTags() == null) {
      return;
    }
    Map<String, Tag> byName = new LinkedHashMap<>();
    for (Tag t : api.getTags()) {
      Tag seen = byName.putIfAbsent(t.getName(), t);
      if (seen != null && seen.getDescription() == null && t.getDescription() != null) {
        byName.put(t.getName(), t);
      }
    }
    api.setTags(new ArrayList<>(byName.values()));
  }

  /**
   * Payara writes every default of {@code @Schema} and {@code @SchemaProperty}: false flags,
   * zero, negative and extreme bounds ({@code maxProperties: 0} would forbid any property,
   * {@code multipleOf: 0} any number). And it keeps {@code type: array} next to a {@code ref}
   * instead of making the reference the items.
   */
  private static void dropDefaults(Schema s) {
    if (Boolean.FALSE.equals(s.getExclusiveMaximum())) {
      s.setExclusiveMaximum(null);
    }
    if (Boolean.FALSE.equals(s.getExclusiveMinimum())) {
      s.setExclusiveMinimum(null);
    }
    if (Boolean.FALSE.equals(s.getUniqueItems())) {
      s.setUniqueItems(null);
    }
    if (Boolean.FALSE.equals(s.getNullable())) {
      s.setNullable(null);
    }
    if (Boolean.FALSE.equals(s.getReadOnly())) {
      s.setReadOnly(null);
    }
    if (Boolean.FALSE.equals(s.getWriteOnly())) {
      s.setWriteOnly(null);
    }
    if (Boolean.FALSE.equals(s.getDeprecated())) {
      s.setDeprecated(null);
    }
    if (s.getMultipleOf() != null && s.getMultipleOf().signum() <= 0) {
      s.setMultipleOf(null);
    }
    s.setMinLength(lowerBound(s.getMinLength()));
    s.setMinItems(lowerBound(s.getMinItems()));
    s.setMinProperties(lowerBound(s.getMinProperties()));
    s.setMaxLength(upperBound(s.getMaxLength()));
    s.setMaxItems(upperBound(s.getMaxItems()));
    s.setMaxProperties(upperBound(s.getMaxProperties()));
    if (s.getRef() != null && s.getType() == SchemaType.ARRAY && s.getItems() == null) {
      Schema items = org.eclipse.microprofile.openapi.OASFactory.createSchema().ref(s.getRef());
      s.setRef(null);
      s.setType(SchemaType.ARRAY);
      s.setItems(items);
    }
  }

  private static Integer lowerBound(Integer value) {
    return value == null || value <= 0 || value == Integer.MAX_VALUE ? null : value;
  }

  private static Integer upperBound(Integer value) {
    return value == null || value <= 0 || value == Integer.MAX_VALUE ? null : value;
  }

  /** Payara writes the defaults of {@code @Parameter} too. */
  private static void dropDefaults(Parameter p) {
    if (Boolean.FALSE.equals(p.getRequired())) {
      p.setRequired(null);
    }
    if (Boolean.FALSE.equals(p.getDeprecated())) {
      p.setDeprecated(null);
    }
    if (Boolean.FALSE.equals(p.getAllowEmptyValue())) {
      p.setAllowEmptyValue(null);
    }
    if (Boolean.FALSE.equals(p.getAllowReserved())) {
      p.setAllowReserved(null);
    }
  }

  private static void integerId(Parameter p) {
    Schema s = p.getSchema();
    if (s != null && s.getType() == SchemaType.NUMBER && s.getFormat() == null) {
      s.type(SchemaType.INTEGER).format("int64");
    }
  }

  /** {@code @ExampleObject(value = "{…}")} of a JSON media type is JSON, not a string. */
  private static void parseExamples(Content content) {
    if (content == null || content.getMediaTypes() == null) {
      return;
    }
    content.getMediaTypes().forEach((type, media) -> {
      if (!type.contains("json")) {
        return;
      }
      media.setExample(parsed(media.getExample()));
      if (media.getExamples() != null) {
        for (Example e : media.getExamples().values()) {
          e.setValue(parsed(e.getValue()));
        }
      }
    });
  }

  static Object parsed(Object value) {
    if (!(value instanceof String text)) {
      return value;
    }
    String trimmed = text.trim();
    if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
      return value;
    }
    try (JsonReader reader = Jsonp.PROVIDER.createReader(new StringReader(trimmed))) {
      return plain(reader.readValue());
    } catch (RuntimeException e) {
      return value;
    }
  }

  /** JSON-P values as plain maps, lists, strings, numbers and booleans for the model's writer. */
  static Object plain(JsonValue v) {
    if (v instanceof JsonObject o) {
      Map<String, Object> m = new LinkedHashMap<>();
      o.forEach((k, x) -> m.put(k, plain(x)));
      return m;
    }
    if (v instanceof JsonArray a) {
      List<Object> l = new ArrayList<>();
      a.forEach(x -> l.add(plain(x)));
      return l;
    }
    if (v instanceof JsonString s) {
      return s.getString();
    }
    if (v instanceof JsonNumber n) {
      return n.isIntegral() ? (Object) n.bigIntegerValue() : n.bigDecimalValue();
    }
    if (v == JsonValue.TRUE) {
      return Boolean.TRUE;
    }
    if (v == JsonValue.FALSE) {
      return Boolean.FALSE;
    }
    return null;
  }

  /** Walks every schema of a document: components, parameters, bodies, responses, nested ones. */
  static final class Schemas {

    private Schemas() {}

    static void forEach(OpenAPI api, Consumer<Schema> action) {
      Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      Consumer<Schema> walk = new Consumer<>() {
        @Override
        public void accept(Schema s) {
          if (s == null || !seen.add(s)) {
            return;
          }
          action.accept(s);
          if (s.getProperties() != null) {
            s.getProperties().values().forEach(this);
          }
          accept(s.getItems());
          accept(s.getNot());
          accept(s.getAdditionalPropertiesSchema());
          for (List<Schema> list : java.util.Arrays.asList(s.getAllOf(), s.getAnyOf(),
              s.getOneOf())) {
            if (list != null) {
              list.forEach(this);
            }
          }
        }
      };
      if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
        api.getComponents().getSchemas().values().forEach(walk);
      }
      if (api.getComponents() != null && api.getComponents().getResponses() != null) {
        api.getComponents().getResponses().values().forEach(r -> content(r.getContent(), walk));
      }
      forEachOperation(api, op -> {
        if (op.getParameters() != null) {
          op.getParameters().forEach(p -> walk.accept(p.getSchema()));
        }
        if (op.getRequestBody() != null) {
          content(op.getRequestBody().getContent(), walk);
        }
        if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
          op.getResponses().getAPIResponses().values().forEach(r -> content(r.getContent(), walk));
        }
      });
    }

    /** Walks one schema and everything inside it. */
    static void forEach(Schema root, Consumer<Schema> action) {
      ofSchema(root, s -> {
        action.accept(s);
        return true;
      });
    }

    private static void ofSchema(Schema root, java.util.function.Predicate<Schema> visitor) {
      Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      Consumer<Schema> walk = new Consumer<>() {
        @Override
        public void accept(Schema s) {
          if (s == null || !seen.add(s) || !visitor.test(s)) {
            return;
          }
          if (s.getProperties() != null) {
            s.getProperties().values().forEach(this);
          }
          accept(s.getItems());
          accept(s.getAdditionalPropertiesSchema());
          for (List<Schema> list : java.util.Arrays.asList(s.getAllOf(), s.getAnyOf(),
              s.getOneOf())) {
            if (list != null) {
              list.forEach(this);
            }
          }
        }
      };
      walk.accept(root);
    }

    /**
     * Visits the schemas of one operation top-down; {@code visitor} returns false to skip what
     * is inside the schema it was given.
     */
    static void ofOperation(Operation op, java.util.function.Predicate<Schema> visitor) {
      Consumer<Schema> walk = schema -> ofSchema(schema, visitor);
      if (op.getParameters() != null) {
        op.getParameters().forEach(p -> walk.accept(p.getSchema()));
      }
      if (op.getRequestBody() != null) {
        content(op.getRequestBody().getContent(), walk);
      }
      if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
        op.getResponses().getAPIResponses().values().forEach(r -> content(r.getContent(), walk));
      }
    }

    private static void content(Content content, Consumer<Schema> walk) {
      if (content != null && content.getMediaTypes() != null) {
        for (MediaType m : content.getMediaTypes().values()) {
          walk.accept(m.getSchema());
        }
      }
    }

    /** The names of the component schemas that something (another component too) refers to. */
    static Set<String> referenced(OpenAPI api) {
      Set<String> names = new HashSet<>();
      forEach(api, s -> {
        if (s.getRef() != null && s.getRef().startsWith("#/components/schemas/")) {
          names.add(s.getRef().substring("#/components/schemas/".length()));
        }
      });
      return names;
    }
  }
}
