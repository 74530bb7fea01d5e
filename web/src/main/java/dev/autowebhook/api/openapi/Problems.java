package dev.autowebhook.api.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The error side of the contract: one {@code Problem} schema (RFC 9457, as
 * {@code dev.autowebhook.api.problem.Problem} writes it) and one shared response per status,
 * registered in the components the first time an operation needs it.
 */
final class Problems {

  static final String MEDIA_TYPE = "application/problem+json";
  static final String SCHEMA = "Problem";

  /** Name and description of the shared response of each status. */
  private static final Map<Integer, String[]> RESPONSES = Map.of(
      400, new String[] {"BadRequest", "Invalid input: malformed JSON, an unknown field or a"
          + " value that breaks a rule (one entry per field in `errors`)"},
      401, new String[] {"Unauthorized", "No credentials, or wrong ones"},
      403, new String[] {"Forbidden", "The user's role may not do this (viewers only read)"},
      404, new String[] {"NotFound", "No such resource"},
      409, new String[] {"Conflict", "Conflicts with the stored state (a unique value already"
          + " taken, still referenced, or not in a state that allows it)"},
      413, new String[] {"PayloadTooLarge", "The request body is larger than"
          + " `AUTOWEBHOOK_API_MAX_REQUEST_BYTES`, or the change it makes would be captured as an"
          + " event larger than `AUTOWEBHOOK_CAPTURE_MAX_PAYLOAD_BYTES`; nothing was saved"},
      422, new String[] {"Refused", "Well-formed, but the operation is refused"},
      429, new String[] {"TooManyRequests", "Too many of these operations are running; try"
          + " again after `Retry-After` seconds"},
      500, new String[] {"InternalError", "An unexpected error; `detail` names a reference"
          + " to look up in the server log"});

  private static final Map<Integer, String> DETAILS = Map.of(
      401, "Authentication is required",
      403, "This action needs one of the roles webhook-admin",
      404, "subscriber 42 does not exist",
      409, "a subscriber named 'erp' already exists",
      413, "The request body has 12582912 bytes; the limit is 10485760 bytes"
          + " (autowebhook.api.max-request-bytes)",
      422, "the operation is refused",
      429, "Too many of these operations are running at once; try again in a few seconds",
      500, "An unexpected error occurred; reference 3f0c2a4e-8f4d-4d53-9c55-0d6f1c2b7a10 in the"
          + " server log.");

  private Problems() {}

  /** A reference to the shared response of {@code status}, registering it on first use. */
  static APIResponse shared(Components components, int status) {
    String[] named = RESPONSES.get(status);
    if (named == null) {
      return OASFactory.createAPIResponse().description("Error").content(content(components, status));
    }
    if (components.getResponses() == null || !components.getResponses().containsKey(named[0])) {
      APIResponse r = OASFactory.createAPIResponse().description(named[1])
          .content(content(components, status));
      if (status == 401) {
        r.addHeader("WWW-Authenticate", OASFactory.createHeader()
            .description("The authentication scheme to use: `Basic realm=\"autowebhook\"`")
            .schema(OASFactory.createSchema().type(SchemaType.STRING)));
      }
      if (status == 429) {
        r.addHeader("Retry-After", OASFactory.createHeader()
            .description("Seconds to wait before trying again")
            .schema(OASFactory.createSchema().type(SchemaType.INTEGER).format("int32")));
      }
      components.addResponse(named[0], r);
    }
    return OASFactory.createAPIResponse().ref("#/components/responses/" + named[0]);
  }

  /** Problem content for {@code status}, with an example. */
  static Content content(Components components, int status) {
    return content(components, status, null);
  }

  /** Problem content whose example tells {@code detail} (a declared response's description). */
  static Content content(Components components, int status, String detail) {
    schema(components);
    Map<String, Object> example = example(status);
    if (detail != null && !detail.isBlank() && status != 400) {
      example.put("detail", detail);
    }
    return OASFactory.createContent().addMediaType(MEDIA_TYPE, OASFactory.createMediaType()
        .schema(OASFactory.createSchema().ref("#/components/schemas/" + SCHEMA))
        .example(example));
  }

  static Map<String, Object> example(int status) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("type", "about:blank");
    if (status == 400) {
      e.put("title", "Invalid input");
      e.put("status", 400);
      e.put("detail", "endpoint_url: must be an http:// or https:// URL; timeout_seconds: must"
          + " be at most 300");
      e.put("errors", List.of(
          error("endpoint_url", "must be an http:// or https:// URL"),
          error("timeout_seconds", "must be at most 300")));
      return e;
    }
    String[] named = RESPONSES.get(status);
    e.put("title", named == null ? "Error" : title(named[0]));
    e.put("status", status);
    e.put("detail", DETAILS.getOrDefault(status, "The request failed"));
    return e;
  }

  private static Map<String, Object> error(String field, String message) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("field", field);
    e.put("message", message);
    return e;
  }

  private static String title(String name) {
    return switch (name) {
      case "TooManyRequests" -> "Too many requests";
      case "InternalError" -> "Internal error";
      case "NotFound" -> "Not found";
      default -> name;
    };
  }

  private static void schema(Components components) {
    if (components.getSchemas() != null && components.getSchemas().containsKey(SCHEMA)) {
      return;
    }
    Schema error = OASFactory.createSchema().type(SchemaType.OBJECT)
        .addProperty("field", OASFactory.createSchema().type(SchemaType.STRING).nullable(true)
            .description("The snake_case field (`lines[0].quantity` inside arrays), or null"
                + " when the input as a whole is wrong"))
        .addProperty("message", OASFactory.createSchema().type(SchemaType.STRING)
            .description("What is wrong with it"))
        .required(List.of("field", "message"));
    components.addSchema(SCHEMA, OASFactory.createSchema().type(SchemaType.OBJECT)
        .description("An RFC 9457 problem document")
        .addProperty("type", OASFactory.createSchema().type(SchemaType.STRING)
            .format("uri-reference").description("The problem type; `about:blank` when the"
                + " status says it all"))
        .addProperty("title", OASFactory.createSchema().type(SchemaType.STRING)
            .description("Short summary of the problem type"))
        .addProperty("status", OASFactory.createSchema().type(SchemaType.INTEGER)
            .format("int32").description("The HTTP status code"))
        .addProperty("detail", OASFactory.createSchema().type(SchemaType.STRING)
            .description("What went wrong this time"))
        .addProperty("instance", OASFactory.createSchema().type(SchemaType.STRING)
            .format("uri-reference").description("The failed request, when known"))
        .addProperty("errors", OASFactory.createSchema().type(SchemaType.ARRAY).items(error)
            .description("For invalid input: one entry per broken rule"))
        .required(List.of("type", "title", "status")));
  }
}
