package dev.autowebhook.api.openapi;

import dev.autowebhook.api.records.RecordsOpenApiFilter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Completes the scanned OpenAPI document into the API's contract (registered as
 * {@code mp.openapi.filter}). It works on any operation, also of resources it has never seen:
 * every operation gets a unique readable {@code operationId} and a summary (derived from method
 * and path where the resource gave none or a bare method name), a 2xx response, problem+json
 * error responses (400 with a body or query parameters, 413 with a body, 401/403 unless public,
 * 404 with a path parameter, 500; declared ones keep their description and get the problem
 * schema), and under
 * {@code /api/v1/webhooks/} the bearer token as an alternative to Basic. Schemas are those
 * JSON-B writes ({@link JsonbSchemas}); the business records are expanded by
 * {@link RecordsOpenApiFilter} first.
 */
public class ContractFilter implements OASFilter {

  static final String BASIC = "basicAuth";
  static final String BEARER = "bearerAuth";
  /** Sync clients' endpoints: an API token works there as well as a user's password. */
  static final String BEARER_PATHS = "/api/v1/webhooks/";
  private static final String API_PACKAGE = "dev.autowebhook.api";

  /** Well-known query parameters, documented where a resource declared them as bare strings. */
  private static final Map<String, Supplier<Schema>> QUERY = Map.of(
      "offset", () -> integer("int32", "Index of the first item (default 0)").minimum(BigDecimal.ZERO),
      "limit", () -> integer("int32", "Page size").minimum(BigDecimal.ONE),
      "since", () -> dateTime("Only items at or after this time"),
      "until", () -> dateTime("Only items before this time"),
      "subscriber_id", () -> integer("int64", "Only items of this subscriber"),
      "model", () -> string("A model key such as `sale.order`"),
      "models", () -> string("Only events of these model keys, e.g. `sale.order`"),
      "priority", () -> string("`high`, `medium` or `low`")
          .enumeration(List.of("high", "medium", "low")),
      "status", () -> string("Delivery status")
          .enumeration(List.of("pending", "processing", "sent", "failed", "dead")),
      "after", () -> string("Cursor: the `next_cursor` of the previous page; omit to start"));

  /** One operation with where it lives. */
  private record Op(String path, HttpMethod method, Operation op) {}

  @Override
  public void filterOpenAPI(OpenAPI api) {
    ScanRepairs.apply(api);
    if (api.getComponents() == null) {
      api.setComponents(OASFactory.createComponents());
    }
    Components components = api.getComponents();
    JsonbSchemas.complete(api, ContractFilter.class.getClassLoader(), API_PACKAGE);
    new RecordsOpenApiFilter().filterOpenAPI(api);
    List<Op> ops = operations(api);
    name(ops);
    for (Op o : ops) {
      Operation op = o.op();
      if (op.getSummary() == null || op.getSummary().isBlank()) {
        op.setSummary(OperationNames.summary(op.getOperationId()));
      }
      queryParameters(op);
      success(o);
      security(o);
      errors(o, components);
    }
    declareTags(api, ops);
    if (api.getServers() == null || api.getServers().isEmpty()) {
      api.addServer(OASFactory.createServer().url("/"));
    }
    pruneSchemas(api);
  }

  private static List<Op> operations(OpenAPI api) {
    List<Op> ops = new ArrayList<>();
    if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
      return ops;
    }
    api.getPaths().getPathItems().keySet().stream().sorted().forEach(path -> {
      PathItem item = api.getPaths().getPathItem(path);
      for (HttpMethod m : HttpMethod.values()) {
        Operation op = item.getOperations().get(m);
        if (op != null) {
          ops.add(new Op(path, m, op));
        }
      }
    });
    return ops;
  }

  /** Keeps deliberate unique ids; derives the others from method and path, unique. */
  private static void name(List<Op> ops) {
    Map<String, Integer> counts = new HashMap<>();
    ops.forEach(o -> counts.merge(String.valueOf(o.op().getOperationId()), 1, Integer::sum));
    Set<String> used = new HashSet<>();
    List<Op> unnamed = new ArrayList<>();
    for (Op o : ops) {
      String id = o.op().getOperationId();
      if (OperationNames.isDeliberate(id) && counts.get(id) == 1) {
        used.add(id);
      } else {
        unnamed.add(o);
      }
    }
    for (Op o : unnamed) {
      String base = OperationNames.derive(o.method().name(), o.path());
      String id = base;
      for (int n = 2; !used.add(id); n++) {
        id = base + n;
      }
      o.op().setOperationId(id);
    }
  }

  private static void queryParameters(Operation op) {
    if (op.getParameters() == null) {
      return;
    }
    for (Parameter p : op.getParameters()) {
      Supplier<Schema> known = QUERY.get(p.getName());
      Schema s = p.getSchema();
      if (p.getIn() == Parameter.In.QUERY && known != null && blank(p.getDescription())
          && (s == null || (s.getType() == SchemaType.STRING && blank(s.getFormat())
              && (s.getEnumeration() == null || s.getEnumeration().isEmpty())))) {
        Schema documented = known.get();
        p.setDescription(documented.getDescription());
        p.setSchema(documented.description(null));
      }
    }
  }

  /** A 2xx answer: Payara's {@code default} response of an unannotated method is the 200. */
  private static void success(Op o) {
    APIResponses responses = o.op().getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      o.op().setResponses(responses);
    }
    Map<String, APIResponse> all = responses.getAPIResponses() == null ? Map.of()
        : responses.getAPIResponses();
    boolean has2xx = all.keySet().stream().anyMatch(code -> code.startsWith("2"));
    if (!has2xx) {
      APIResponse fallback = responses.getDefaultValue();
      if (fallback != null && o.method() == HttpMethod.DELETE && !describesBody(fallback)) {
        // a void or Response method: JAX-RS answers a DELETE without entity with 204
        responses.removeAPIResponse(APIResponses.DEFAULT);
        responses.addAPIResponse("204", OASFactory.createAPIResponse().description("Deleted"));
      } else if (fallback != null) {
        responses.removeAPIResponse(APIResponses.DEFAULT);
        responses.addAPIResponse("200", fallback);
      } else {
        responses.addAPIResponse("200", OASFactory.createAPIResponse().description("OK"));
      }
    }
    responses.getAPIResponses().forEach((code, r) -> {
      if (code.startsWith("2") && (r.getDescription() == null
          || r.getDescription().equals("Default Response."))) {
        r.setDescription(code.equals("201") ? "Created" : code.equals("204") ? "No content" : "OK");
      }
    });
  }

  /** Whether a response documents a body: a schema with a reference, properties or items. */
  private static boolean describesBody(APIResponse r) {
    if (r.getContent() == null || r.getContent().getMediaTypes() == null) {
      return false;
    }
    return r.getContent().getMediaTypes().values().stream().map(m -> m.getSchema())
        .anyMatch(s -> s != null && (s.getRef() != null || s.getItems() != null
            || (s.getProperties() != null && !s.getProperties().isEmpty())
            || (s.getType() != null && s.getType() != SchemaType.OBJECT)));
  }

  /**
   * Public: a requirement without schemes ({@code security: [{}]}, from an empty
   * {@code @SecurityRequirementsSet}) lets anonymous callers in. An empty list is no marker:
   * it is Payara's default for every operation, and its writer leaves empty lists out.
   */
  static boolean isPublic(Operation op) {
    List<SecurityRequirement> security = op.getSecurity();
    return security != null && security.stream()
        .anyMatch(r -> r.getSchemes() == null || r.getSchemes().isEmpty());
  }

  private static void security(Op o) {
    Operation op = o.op();
    if (!o.path().startsWith(BEARER_PATHS) || isPublic(op)) {
      return;
    }
    List<SecurityRequirement> security = op.getSecurity() == null ? new ArrayList<>()
        : new ArrayList<>(op.getSecurity());
    if (security.stream().noneMatch(r -> r.hasScheme(BASIC))) {
      security.add(OASFactory.createSecurityRequirement().addScheme(BASIC));
    }
    if (security.stream().noneMatch(r -> r.hasScheme(BEARER))) {
      security.add(OASFactory.createSecurityRequirement().addScheme(BEARER));
    }
    op.setSecurity(security);
  }

  private static void errors(Op o, Components components) {
    Operation op = o.op();
    Set<Integer> wanted = new LinkedHashSet<>();
    boolean query = op.getParameters() != null
        && op.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
    if (op.getRequestBody() != null || query) {
      wanted.add(400);
    }
    if (op.getRequestBody() != null) {
      wanted.add(413);
    }
    if (!isPublic(op)) {
      wanted.add(401);
      wanted.add(403);
    }
    if (o.path().contains("{")) {
      wanted.add(404);
    }
    wanted.add(500);
    APIResponses responses = op.getResponses();
    for (int status : wanted) {
      if (responses.getAPIResponse(String.valueOf(status)) == null) {
        responses.addAPIResponse(String.valueOf(status), Problems.shared(components, status));
      }
    }
    // responses the resource declared with a description only: the same problem document
    responses.getAPIResponses().forEach((code, r) -> {
      if ((code.startsWith("4") || code.startsWith("5")) && r.getRef() == null
          && (r.getContent() == null || r.getContent().getMediaTypes() == null
              || r.getContent().getMediaTypes().isEmpty())) {
        r.setContent(Problems.content(components, Integer.parseInt(code), r.getDescription()));
      }
    });
    responses.setAPIResponses(sorted(responses.getAPIResponses()));
  }

  private static Map<String, APIResponse> sorted(Map<String, APIResponse> responses) {
    Map<String, APIResponse> out = new java.util.LinkedHashMap<>();
    responses.keySet().stream().sorted().forEach(k -> out.put(k, responses.get(k)));
    return out;
  }

  /**
   * Every tag an operation uses is declared, with a description: a tag that the definition in
   * {@code RestApplication} does not describe yet is described by the paths it groups.
   */
  private static void declareTags(OpenAPI api, List<Op> ops) {
    Map<String, Set<String>> pathsByTag = new java.util.LinkedHashMap<>();
    for (Op o : ops) {
      if (o.op().getTags() != null) {
        for (String name : o.op().getTags()) {
          pathsByTag.computeIfAbsent(name, n -> new java.util.TreeSet<>())
              .add(o.path().replaceAll("/\\{[^}]*}.*$", ""));
        }
      }
    }
    Map<String, Tag> declared = new java.util.LinkedHashMap<>();
    if (api.getTags() != null) {
      api.getTags().forEach(t -> declared.put(t.getName(), t));
    }
    pathsByTag.forEach((name, paths) -> {
      Tag tag = declared.get(name);
      if (tag == null) {
        tag = OASFactory.createTag().name(name);
        api.addTag(tag);
      }
      if (tag.getDescription() == null || tag.getDescription().isBlank()) {
        tag.setDescription("Operations on `" + String.join("`, `", paths) + "`.");
      }
    });
  }

  /** Drops component schemas nothing refers to (e.g. the scan's own date-time component). */
  private static void pruneSchemas(OpenAPI api) {
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    if (schemas == null) {
      return;
    }
    boolean removed = true;
    while (removed) {
      Set<String> referenced = ScanRepairs.Schemas.referenced(api);
      removed = false;
      for (String name : List.copyOf(schemas.keySet())) {
        if (!referenced.contains(name)) {
          api.getComponents().removeSchema(name);
          removed = true;
        }
      }
      schemas = api.getComponents().getSchemas();
      if (schemas == null) {
        return;
      }
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static Schema integer(String format, String description) {
    return OASFactory.createSchema().type(SchemaType.INTEGER).format(format)
        .description(description);
  }

  private static Schema string(String description) {
    return OASFactory.createSchema().type(SchemaType.STRING).description(description);
  }

  private static Schema dateTime(String description) {
    return string(description + " (ISO-8601, e.g. `2026-01-31T10:00:00Z`)").format("date-time");
  }
}
