package dev.autowebhook.api.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the one {@link RecordsResource} as what clients see: a concrete path per collection
 * ({@code /api/v1/sale-orders}, …) instead of the regular-expression template that JAX-RS
 * matches on, each with its own operation ids ({@code listRecords} becomes
 * {@code listSaleOrders}, {@code getRecord} {@code getSaleOrder}) and the JSON schema of its
 * model ({@link RecordSchemas}). Request examples named after a collection stay on that
 * collection only.
 */
public class RecordsOpenApiFilter implements OASFilter {

  static final String TEMPLATE = "{collection:";
  private static final String JSON = "application/json";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    Map<String, PathItem> items = new LinkedHashMap<>(openAPI.getPaths().getPathItems());
    for (Map.Entry<String, PathItem> e : items.entrySet()) {
      String path = e.getKey();
      int start = path.indexOf(TEMPLATE);
      if (start < 0) {
        continue;
      }
      int end = path.indexOf('}', start);
      openAPI.getPaths().removePathItem(path);
      for (String collection : RecordsResource.COLLECTIONS.keySet().stream().sorted().toList()) {
        String concrete = path.substring(0, start) + collection + path.substring(end + 1);
        openAPI.getPaths().addPathItem(concrete,
            concretize(e.getValue(), collection, openAPI.getComponents()));
      }
    }
  }

  private static PathItem concretize(PathItem template, String collection, Components components) {
    PathItem item = OASFactory.createPathItem();
    Class<?> type = RecordsResource.COLLECTIONS.get(collection);
    String model = RecordSchemas.add(components, type);
    template.getOperations().forEach((method, op) ->
        item.setOperation(method, concretize(op, collection, type, model)));
    return item;
  }

  private static Operation concretize(Operation op, String collection, Class<?> type,
      String model) {
    List<Parameter> params = new ArrayList<>();
    if (op.getParameters() != null) {
      op.getParameters().stream().filter(p -> !"collection".equals(p.getName()))
          .forEach(params::add);
    }
    String id = op.getOperationId() == null ? "" : op.getOperationId();
    Operation out = OASFactory.createOperation()
        .operationId(id.isEmpty() ? null : name(id, collection))
        .summary(op.getSummary() == null ? null : label(op.getSummary(), collection))
        .description(op.getDescription())
        .tags(op.getTags())
        .parameters(params.isEmpty() ? null : params)
        .requestBody(body(op, id, collection, type, model))
        .responses(responses(op.getResponses(), id, model))
        .security(op.getSecurity());
    return out;
  }

  /** {@code listRecords} -> {@code listSaleOrders}, {@code getRecord} -> {@code getSaleOrder}. */
  static String name(String operationId, String collection) {
    if (operationId.endsWith("Records")) {
      return operationId.substring(0, operationId.length() - "Records".length())
          + pascal(collection);
    }
    if (operationId.endsWith("Record")) {
      return operationId.substring(0, operationId.length() - "Record".length())
          + pascal(singular(collection));
    }
    return operationId + pascal(collection);
  }

  /** "Create a record" -> "Create an account move", "Read one record" -> "Read one sale order". */
  static String label(String summary, String collection) {
    String plural = collection.replace('-', ' ');
    String one = singular(plural);
    String article = "aeiou".indexOf(one.charAt(0)) >= 0 ? "an " : "a ";
    return summary.replaceAll("\\brecords\\b", plural)
        .replaceAll("\\ba record\\b", article + one)
        .replaceAll("\\brecord\\b", one);
  }

  private static RequestBody body(Operation op, String id, String collection, Class<?> type,
      String model) {
    if (op.getRequestBody() == null) {
      return null;
    }
    Schema schema;
    if (id.startsWith("create")) {
      List<String> required = RecordSchemas.requiredOnCreate(type);
      schema = required.isEmpty() ? ref(model) : OASFactory.createSchema().addAllOf(ref(model))
          .addAllOf(OASFactory.createSchema().type(SchemaType.OBJECT).required(required));
    } else if (id.startsWith("batch")) {
      schema = OASFactory.createSchema().type(SchemaType.ARRAY).items(ref(model));
    } else {
      schema = ref(model);
    }
    MediaType media = OASFactory.createMediaType().schema(schema);
    Content declared = op.getRequestBody().getContent();
    MediaType template = declared == null ? null : declared.getMediaType(JSON);
    if (template != null && template.getExamples() != null) {
      Example example = template.getExamples().get(collection);
      if (example != null) {
        media.addExample(collection, example);
      }
    }
    return OASFactory.createRequestBody().required(true)
        .description(op.getRequestBody().getDescription())
        .content(OASFactory.createContent().addMediaType(JSON, media));
  }

  private static APIResponses responses(APIResponses declared, String id, String model) {
    APIResponses out = OASFactory.createAPIResponses();
    if (declared != null && declared.getAPIResponses() != null) {
      declared.getAPIResponses().forEach((code, r) -> {
        if (!"default".equals(code)) {
          out.addAPIResponse(code, OASFactory.createAPIResponse()
              .description(r.getDescription()).content(r.getContent()));
        }
      });
    }
    Schema success;
    String code = "200";
    if (id.startsWith("list")) {
      success = OASFactory.createSchema().type(SchemaType.OBJECT)
          .addProperty("items", OASFactory.createSchema().type(SchemaType.ARRAY).items(ref(model)))
          .addProperty("total", integer("int64", "How many records there are"))
          .addProperty("offset", integer("int32", "Index of the first item"))
          .addProperty("limit", integer("int32", "The page size used"))
          .required(List.of("items", "total", "offset", "limit"));
    } else if (id.startsWith("batch")) {
      success = OASFactory.createSchema().type(SchemaType.OBJECT)
          .addProperty("items", OASFactory.createSchema().type(SchemaType.ARRAY).items(ref(model))
              .description("Each record as saved, in the order sent"))
          .required(List.of("items"));
    } else if (id.startsWith("delete")) {
      return out;
    } else {
      success = ref(model);
      code = id.startsWith("create") ? "201" : "200";
    }
    APIResponse ok = out.getAPIResponse(code);
    if (ok == null) {
      ok = OASFactory.createAPIResponse().description(code.equals("201") ? "Created" : "OK");
      out.addAPIResponse(code, ok);
    }
    ok.content(OASFactory.createContent().addMediaType(JSON,
        OASFactory.createMediaType().schema(success)));
    return out;
  }

  private static Schema ref(String model) {
    return OASFactory.createSchema().ref(RecordSchemas.REF + model);
  }

  private static Schema integer(String format, String description) {
    return OASFactory.createSchema().type(SchemaType.INTEGER).format(format)
        .description(description);
  }

  static String singular(String plural) {
    return plural.endsWith("ies") ? plural.substring(0, plural.length() - 3) + "y"
        : plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
  }

  static String pascal(String kebab) {
    StringBuilder sb = new StringBuilder();
    for (String part : kebab.split("-")) {
      sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
    }
    return sb.toString();
  }
}
