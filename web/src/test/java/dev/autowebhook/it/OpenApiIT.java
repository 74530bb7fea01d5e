package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.ApiResponse;
import dev.autowebhook.it.support.AppServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The OpenAPI document at /openapi is a complete contract: every operation has a unique id, a
 * 2xx answer, problem+json errors and security (the inbox is public), the business records and
 * the admin API are all there, and the Swagger UI page shows it without a login. Writes the YAML
 * to {@code web/target/openapi.yaml}, which CI lints with Redocly.
 */
class OpenApiIT {

  static final List<String> COLLECTIONS = List.of("sale-orders", "purchase-orders",
      "account-moves", "account-payments", "crm-leads", "stock-pickings", "stock-moves",
      "partners", "product-templates", "product-categories", "account-journals", "hr-expenses",
      "hr-employees");
  static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head",
      "options", "trace");
  static final String PROBLEM = "application/problem+json";

  Api anonymous;
  JsonObject doc;

  @BeforeEach
  void setUp() {
    anonymous = AppServer.shared().anonymous();
    ApiResponse r = anonymous.get("/openapi?format=JSON").expect(200);
    doc = r.json();
  }

  /** Every operation, as "METHOD path" with its object. */
  Map<String, JsonObject> operations() {
    Map<String, JsonObject> ops = new java.util.TreeMap<>();
    doc.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((m, op) -> {
      if (METHODS.contains(m)) {
        ops.put(m.toUpperCase() + " " + path, op.asJsonObject());
      }
    }));
    return ops;
  }

  /** A response object, following a {@code $ref} into components.responses. */
  JsonObject resolve(JsonObject response) {
    if (!response.containsKey("$ref")) {
      return response;
    }
    String name = response.getString("$ref").substring("#/components/responses/".length());
    return doc.getJsonObject("components").getJsonObject("responses").getJsonObject(name);
  }

  @Test
  void everyOperationHasAUniqueIdA2xxAnswerProblemErrorsAndSecurity() {
    Map<String, JsonObject> ops = operations();
    assertThat(ops).hasSizeGreaterThan(100);
    Set<String> ids = new HashSet<>();
    JsonArray global = doc.getJsonArray("security");
    assertThat(global.toString()).contains("basicAuth");
    List<String> problems = new ArrayList<>();
    ops.forEach((name, op) -> {
      String id = op.getString("operationId", "");
      if (id.isBlank() || !ids.add(id)) {
        problems.add(name + ": operationId '" + id + "' missing or not unique");
      }
      if (op.getString("summary", "").isBlank()) {
        problems.add(name + ": no summary");
      }
      JsonObject responses = op.getJsonObject("responses");
      if (responses.keySet().stream().noneMatch(c -> c.startsWith("2"))) {
        problems.add(name + ": no 2xx response");
      }
      if (responses.keySet().stream().noneMatch(c -> c.startsWith("4"))) {
        problems.add(name + ": no 4xx response");
      }
      responses.forEach((code, r) -> {
        if (code.startsWith("4") || code.startsWith("5")) {
          JsonObject content = resolve(r.asJsonObject()).getJsonObject("content");
          if (content == null || !content.containsKey(PROBLEM) || !content.getJsonObject(PROBLEM)
              .getJsonObject("schema").getString("$ref", "").endsWith("/Problem")) {
            problems.add(name + ": " + code + " is not a Problem document");
          }
        }
      });
      JsonArray security = op.containsKey("security") ? op.getJsonArray("security") : global;
      boolean anonymousAllowed = security.isEmpty() || security.stream()
          .anyMatch(s -> s.asJsonObject().isEmpty());
      if (name.equals("POST /api/v1/inbox")) {
        if (!anonymousAllowed) {
          problems.add(name + ": the inbox must be public, security is " + security);
        }
      } else if (anonymousAllowed) {
        problems.add(name + ": no security requirement");
      } else if (!responses.containsKey("401") || !responses.containsKey("403")) {
        problems.add(name + ": secured but without 401 and 403");
      }
      if (name.contains(" /api/v1/webhooks/") && !security.toString().contains("bearerAuth")) {
        problems.add(name + ": sync endpoints accept API tokens (bearerAuth)");
      }
      if (name.contains("{") && !responses.containsKey("404")) {
        problems.add(name + ": path parameter but no 404");
      }
    });
    assertThat(problems).isEmpty();
    assertThat(ops.get("POST /api/v1/admin/subscribers/{id}/test")
        .getJsonObject("responses").keySet()).contains("200", "404", "429");
    // the inbox: refused unless signed, off when disabled, limited in size
    assertThat(ops.get("POST /api/v1/inbox").getJsonObject("responses").keySet())
        .contains("200", "401", "404", "413");
    assertThat(doc.getJsonObject("components").getJsonObject("securitySchemes").keySet())
        .contains("basicAuth", "bearerAuth");
  }

  @Test
  void theRecordCollectionsAndTheAdminApiAreAllDocumented() {
    Set<String> ops = operations().keySet();
    for (String c : COLLECTIONS) {
      assertThat(ops).contains("GET /api/v1/" + c, "POST /api/v1/" + c,
          "GET /api/v1/" + c + "/{id}", "PUT /api/v1/" + c + "/{id}",
          "DELETE /api/v1/" + c + "/{id}");
    }
    assertThat(ops).contains(
        "GET /api/v1/admin/subscribers", "POST /api/v1/admin/subscribers",
        "PUT /api/v1/admin/subscribers/{id}", "POST /api/v1/admin/subscribers/{id}/rotate-secret",
        "GET /api/v1/admin/configs", "PUT /api/v1/admin/configs/{id}",
        "GET /api/v1/admin/templates", "POST /api/v1/admin/templates/preview",
        "GET /api/v1/admin/events", "GET /api/v1/admin/events/{id}",
        "GET /api/v1/admin/events/{id}/attempts", "POST /api/v1/admin/events/{id}/retry",
        "POST /api/v1/admin/events/{id}/dead", "GET /api/v1/admin/stats",
        "GET /api/v1/admin/audit");
    assertThat(doc.getJsonArray("tags").stream().map(t -> t.asJsonObject().getString("name")))
        .doesNotHaveDuplicates();
    assertThat(doc.containsKey("endpoints")).as("Payara's non-OpenAPI key").isFalse();
  }

  @Test
  void schemasAreWhatJsonBWritesAndEachModelHasOne() {
    JsonObject schemas = doc.getJsonObject("components").getJsonObject("schemas");
    JsonObject subscriber = schemas.getJsonObject("SubscriberOut").getJsonObject("properties");
    assertThat(subscriber.keySet()).contains("signing_secret", "endpoint_url", "created_at")
        .doesNotContain("signingSecret");
    assertThat(subscriber.getJsonObject("created_at").getString("format")).isEqualTo("date-time");
    assertThat(subscriber.getJsonObject("id").getString("type")).isEqualTo("integer");
    JsonObject filter = schemas.getJsonObject("ConfigIn").getJsonObject("properties")
        .getJsonObject("filter");
    assertThat(filter.getString("type")).isEqualTo("string");
    assertThat(filter.getBoolean("nullable")).isTrue();
    assertThat(schemas.getJsonObject("ConfigOut").getJsonObject("properties").keySet())
        .contains("filter", "filter_dropped", "filter_errors");
    JsonObject problem = schemas.getJsonObject("Problem").getJsonObject("properties");
    assertThat(problem.keySet()).contains("type", "title", "status", "detail", "instance",
        "errors");
    assertThat(problem.getJsonObject("errors").getJsonObject("items").getJsonObject("properties")
        .keySet()).containsExactly("field", "message");
    assertThat(schemas.keySet()).contains("SaleOrder", "SaleOrderLine", "PurchaseOrder",
        "AccountMove", "AccountPayment", "CrmLead", "StockPicking", "StockMove", "Partner",
        "ProductTemplate", "ProductCategory", "AccountJournal", "HrExpense", "HrEmployee");
    JsonObject saleOrder = schemas.getJsonObject("SaleOrder").getJsonObject("properties");
    assertThat(saleOrder.getJsonObject("lines").getJsonObject("items").getString("$ref"))
        .endsWith("/SaleOrderLine");
    assertThat(saleOrder.getJsonObject("amount_total").getBoolean("readOnly")).isTrue();
    assertThat(saleOrder.getJsonObject("state").getJsonArray("enum")).isNotEmpty();
    JsonObject created = operations().get("POST /api/v1/admin/subscribers")
        .getJsonObject("responses").getJsonObject("201").getJsonObject("content")
        .getJsonObject("application/json");
    assertThat(created.getJsonObject("schema").getString("$ref")).endsWith("/SubscriberOut");
    assertThat(created.getJsonObject("examples").toString()).contains("whsec_");
  }

  @Test
  void theYamlDocumentIsTheSameContractAndIsKeptForTheLint() throws IOException {
    ApiResponse r = anonymous.get("/openapi?format=YAML").expect(200);
    Map<String, Object> yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(r.body());
    assertThat(yaml.get("openapi").toString()).startsWith("3.");
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) yaml.get("paths");
    assertThat(new TreeSet<>(paths.keySet()))
        .isEqualTo(new TreeSet<>(doc.getJsonObject("paths").keySet()));
    Set<String> yamlIds = new TreeSet<>();
    paths.values().forEach(item -> item.forEach((m, op) -> {
      if (METHODS.contains(m)) {
        yamlIds.add(String.valueOf(((Map<?, ?>) op).get("operationId")));
      }
    }));
    Set<String> jsonIds = new TreeSet<>();
    operations().values().forEach(op -> jsonIds.add(op.getString("operationId")));
    assertThat(yamlIds).isEqualTo(jsonIds);

    String workDir = System.getProperty("it.work.dir");
    Path target = workDir == null ? Path.of("target") : Path.of(workDir).getParent();
    Files.createDirectories(target);
    Files.writeString(target.resolve("openapi.yaml"), r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void theApiPageIsAPublicSwaggerUiOnTheDocument() {
    ApiResponse page = anonymous.get("/api-docs/").expect(200);
    assertThat(page.header("content-type")).startsWith("text/html");
    assertThat(page.body()).contains("swagger-ui", "/openapi");
    Matcher scripts = Pattern.compile("src=\"([^\"]+)\"").matcher(page.body());
    int found = 0;
    while (scripts.find()) {
      String src = scripts.group(1);
      String url = src.startsWith("/") ? src : "/api-docs/" + src;
      ApiResponse js = anonymous.get(url.replace("/api-docs/../", "/")).expect(200);
      assertThat(js.header("content-type")).contains("javascript");
      found++;
    }
    assertThat(found).as("the Swagger UI bundle and its start script").isEqualTo(2);
    assertThat(anonymous.get("/api/v1/admin/subscribers").status())
        .as("the API itself still needs credentials").isEqualTo(401);
  }
}
