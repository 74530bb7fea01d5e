package dev.autowebhook.api.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Documents the one {@link RecordsResource} as what clients see: a concrete path per collection
 * ({@code /api/v1/sale-orders}, …) with its own operation ids, instead of the regular-expression
 * template that JAX-RS matches on.
 */
public class RecordsOpenApiFilter implements OASFilter {

  static final String TEMPLATE = "{collection:";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
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
        openAPI.getPaths().addPathItem(concrete, concretize(e.getValue(), collection));
      }
    }
  }

  private static PathItem concretize(PathItem template, String collection) {
    PathItem item = OASFactory.createPathItem();
    template.getOperations().forEach((method, op) ->
        item.setOperation(method, concretize(op, collection)));
    return item;
  }

  private static Operation concretize(Operation op, String collection) {
    List<Parameter> params = new ArrayList<>();
    if (op.getParameters() != null) {
      op.getParameters().stream().filter(p -> !"collection".equals(p.getName()))
          .forEach(params::add);
    }
    return OASFactory.createOperation()
        .operationId(op.getOperationId() == null ? null : op.getOperationId() + pascal(collection))
        .summary(op.getSummary() == null ? null : op.getSummary() + " (" + collection + ")")
        .description(op.getDescription())
        .tags(op.getTags())
        .parameters(params.isEmpty() ? null : params)
        .requestBody(op.getRequestBody())
        .responses(op.getResponses())
        .security(op.getSecurity());
  }

  static String pascal(String kebab) {
    StringBuilder sb = new StringBuilder();
    for (String part : kebab.split("-")) {
      sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
    }
    return sb.toString();
  }
}
