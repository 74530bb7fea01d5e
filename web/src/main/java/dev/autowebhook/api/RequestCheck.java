package dev.autowebhook.api;

import dev.autowebhook.api.problem.Problem;
import dev.autowebhook.platform.InvalidInputException.Violation;
import dev.autowebhook.platform.Jsonp;
import jakarta.annotation.Priority;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Checks every request's query and body before a resource sees them, after authentication (so
 * anonymous callers get their 401 first). A query parameter with a NUL character → 400 (PostgreSQL
 * cannot compare with one: it failed with a 500). A body larger than
 * {@code autowebhook.api.max-request-bytes} → 413, without reading more than the limit. A body for
 * a resource that consumes JSON must also be one well-formed JSON value in UTF-8 (the JSON-P
 * reader of JAX-RS reads the first value and ignores trailing text, and decodes invalid bytes as
 * U+FFFD), nested at most {@value #MAX_DEPTH} deep (deeper input made the parser fail with a 500),
 * with no NUL character in any text (PostgreSQL cannot store one: it failed at insert with a 500
 * or a misleading 409) → 400. Other bodies (the public inbox takes any bytes) are only
 * size-checked. No body, or an empty one ({@link EmptyBody}), is fine unless the resource method
 * marks its body {@code @RequestBody(required = true)} → 400 naming {@code body}.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class RequestCheck implements ContainerRequestFilter {

  static final String MAX_BYTES = "autowebhook.api.max-request-bytes";
  static final int DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
  static final int MAX_DEPTH = 64;
  static final String BODY_REQUIRED = "a request body is required";
  private static final String REQUEST_BODY =
      "org.eclipse.microprofile.openapi.annotations.parameters.RequestBody";
  private static final Map<Method, Boolean> BODY_REQUIRED_BY_METHOD = new ConcurrentHashMap<>();

  private final int maxBytes = ConfigProvider.getConfig()
      .getOptionalValue(MAX_BYTES, Integer.class).orElse(DEFAULT_MAX_BYTES);

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    for (Map.Entry<String, List<String>> p
        : request.getUriInfo().getQueryParameters().entrySet()) {
      if (p.getKey().indexOf('\0') >= 0
          || p.getValue().stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
        String name = printable(p.getKey());
        request.abortWith(Problem.response(400, "Invalid input", name
            + ": must not contain the NUL character (%00)",
            List.of(new Violation(name, "must not contain the NUL character (%00)"))));
        return;
      }
    }
    if (!request.hasEntity()) {
      if (bodyRequired()) {
        request.abortWith(Problem.response(400, "Invalid input", "body: " + BODY_REQUIRED,
            List.of(new Violation("body", BODY_REQUIRED))));
      }
      return;
    }
    int declared = request.getLength();
    if (declared > maxBytes) {
      request.abortWith(tooLarge(declared + " bytes", maxBytes));
      return;
    }
    byte[] body = read(request.getEntityStream(), maxBytes);
    if (body == null) {
      request.abortWith(tooLarge("more than " + maxBytes + " bytes", maxBytes));
      return;
    }
    request.setEntityStream(new ByteArrayInputStream(body));
    if (body.length > 0 && consumesJson()) {
      Violation v = problemWith(body);
      if (v != null) {
        request.abortWith(v.field() == null
            ? Problem.response(400, "Malformed JSON", v.message())
            : Problem.response(400, "Invalid input", v.field() + ": " + v.message(),
                List.of(v)));
      }
    }
  }

  static jakarta.ws.rs.core.Response tooLarge(String size, int limit) {
    return Problem.response(413, "Payload too large", "The request body has " + size
        + "; the limit is " + limit + " bytes (" + MAX_BYTES + ")");
  }

  /** The whole stream, or null when it holds more than {@code max} bytes (reads max + 1 at most). */
  static byte[] read(InputStream in, int max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 8192));
    byte[] buffer = new byte[8192];
    int total = 0;
    int n;
    while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, (long) max + 1 - total))) > 0) {
      total += n;
      if (total > max) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /**
   * Whether the resource method's body parameter is marked {@code @RequestBody(required = true)},
   * as the OpenAPI document says; every other body is optional and may be omitted. Asked for every
   * request without a body (every GET), so the answer is kept per method.
   */
  private boolean bodyRequired() {
    Method m = resource.getResourceMethod();
    return m != null
        && BODY_REQUIRED_BY_METHOD.computeIfAbsent(m, RequestCheck::declaresRequiredBody);
  }

  /**
   * Read by name, not through the annotation class: WildFly has no MicroProfile OpenAPI, so the
   * class is missing there (a reference to it threw NoClassDefFoundError on every GET), the
   * annotation with it, and every body counts as optional here.
   */
  private static boolean declaresRequiredBody(Method m) {
    for (Annotation[] parameter : m.getParameterAnnotations()) {
      for (Annotation a : parameter) {
        if (a.annotationType().getName().equals(REQUEST_BODY)) {
          try {
            return Boolean.TRUE.equals(a.annotationType().getMethod("required").invoke(a));
          } catch (ReflectiveOperationException e) {
            return false;
          }
        }
      }
    }
    return false;
  }

  /**
   * An empty body is no body, whatever its {@code Content-Type}: {@code curl -d ''} sends
   * {@code application/x-www-form-urlencoded}, for which JAX-RS answered 415 when it matched a
   * JSON method, and the JSON-B reader answered an empty JSON entity with a bare 400. Before
   * matching, this drops the {@code Content-Type} of a request without body bytes, so that a
   * resource's optional body parameter is null (defaults) and {@link RequestCheck} refuses a
   * missing required one with a problem.
   */
  @Provider
  @PreMatching
  public static class EmptyBody implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
      if (request.getHeaders().containsKey(HttpHeaders.CONTENT_TYPE) && !request.hasEntity()) {
        request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
      }
    }
  }

  private boolean consumesJson() {
    Consumes c = resource.getResourceMethod() == null ? null
        : resource.getResourceMethod().getAnnotation(Consumes.class);
    if (c == null && resource.getResourceClass() != null) {
      c = resource.getResourceClass().getAnnotation(Consumes.class);
    }
    if (c == null) {
      return true; // JAX-RS default: the JSON provider reads it
    }
    for (String type : c.value()) {
      if (type.contains("json")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Null if {@code body} is one well-formed JSON value in UTF-8, nested at most
   * {@value #MAX_DEPTH} deep, without NUL characters; else what is wrong (field null: the whole
   * body).
   */
  static Violation problemWith(byte[] body) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
    } catch (CharacterCodingException e) {
      return new Violation(null, "The body is not valid UTF-8");
    }
    String key = null;
    int depth = 0;
    try (JsonParser parser = Jsonp.PROVIDER.createParser(new ByteArrayInputStream(body))) {
      while (parser.hasNext()) {
        switch (parser.next()) {
          case START_ARRAY, START_OBJECT -> {
            if (++depth > MAX_DEPTH) {
              return new Violation(null, "The JSON is nested deeper than " + MAX_DEPTH
                  + " levels");
            }
          }
          case END_ARRAY, END_OBJECT -> depth--;
          case KEY_NAME -> {
            key = parser.getString();
            if (key.indexOf('\0') >= 0) {
              return new Violation(printable(key), "a name must not contain the NUL character");
            }
          }
          case VALUE_STRING -> {
            if (parser.getString().indexOf('\0') >= 0) {
              return new Violation(key == null ? "body" : printable(key),
                  "must not contain the NUL character (\\u0000)");
            }
          }
          default -> { }
        }
      }
    } catch (JsonParsingException e) {
      return new Violation(null, "The body is not well-formed JSON: " + e.getMessage());
    } catch (jakarta.json.JsonException | UncheckedIOException e) {
      return new Violation(null, "The body is not well-formed JSON");
    }
    return null;
  }

  private static String printable(String name) {
    String s = name.replace("\0", "\\u0000");
    return s.length() > 100 ? s.substring(0, 100) + "…" : s;
  }
}
