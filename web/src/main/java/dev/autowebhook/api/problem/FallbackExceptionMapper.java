package dev.autowebhook.api.problem;

import dev.autowebhook.platform.InvalidInputException.Violation;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/**
 * Everything that is not a business exception: malformed JSON → 400 (a value of the wrong type
 * → 400 naming the property), JAX-RS errors (404, 405,
 * 406, 415) keep their status as a problem document, a full bulkhead → 429, an unreachable
 * database → 503 with {@code Retry-After}, anything else → 500; both with a correlation id that is
 * also in the log ({@link Incident}). Never a stack trace, class name or SQL in the response: a
 * detail taken from an exception message that looks like one is dropped.
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Pattern PROPERTY =
      Pattern.compile("Unable to deserialize property '([^']+)' because of: ");
  /** A qualified class name, a stack frame or SQL: what an exception message must not carry out. */
  static final Pattern INTERNALS = Pattern.compile(
      "\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z][\\w$]*|\\bat [a-z]+\\.|\\b(SELECT|INSERT"
          + "|UPDATE|DELETE)\\s.*\\b(FROM|INTO|SET|WHERE)\\b|SQLState|\\bjava\\.|\\bjakarta\\.");

  @Context UriInfo uri;
  @Context Request request;

  @Override
  public Response toResponse(Throwable e) {
    for (Throwable t = e; t != null; t = cause(t)) {
      if (t instanceof JsonbException || t instanceof JsonException
          || t instanceof jakarta.json.stream.JsonParsingException) {
        return json(t);
      }
      if (t instanceof ConstraintViolationException) {
        return Problem.response(400, "Invalid input", clean(t.getMessage()));
      }
      if (t instanceof dev.autowebhook.platform.OutboxException oe) {
        return BusinessExceptionMapper.map(oe);
      }
      if (t instanceof BulkheadException) {
        return Response.fromResponse(Problem.response(429, "Too many requests",
            "Too many of these operations are running at once; try again in a few seconds"))
            .header("Retry-After", "5").build();
      }
    }
    if (e instanceof WebApplicationException w) {
      Response r = w.getResponse();
      if (r.getStatus() == 401) {
        // e.g. Payara's own @RolesAllowed filter, which speaks of JWT: answer like RolesCheck
        return Response.fromResponse(Problem.response(401, "Unauthorized",
                "Authentication is required"))
            .header("WWW-Authenticate", "Basic realm=\"autowebhook\"").build();
      }
      if (r.getStatus() < 500) {
        String title = r.getStatusInfo().getReasonPhrase();
        String detail = e.getMessage();
        if (r.getStatus() == 400 && detail != null && detail.contains("Unable to")) {
          return json(e);
        }
        return Problem.response(r.getStatus(), title == null ? "Error" : title, clean(detail));
      }
    }
    return internal(e, where(request, uri));
  }

  /** Method and path of the failed request, for the log. */
  static String where(Request request, UriInfo uri) {
    try {
      return request.getMethod() + " " + uri.getRequestUri().getPath();
    } catch (RuntimeException e) {
      return "REST API";
    }
  }

  /**
   * A JSON-B mapping error that names a property ("Unable to deserialize property 'a' because of:
   * Unable to deserialize property 'b' because of: must be a string") becomes a field error
   * ({@code a.b}); anything else is malformed JSON.
   */
  static Response json(Throwable t) {
    String message = t.getMessage() == null ? "" : t.getMessage();
    StringBuilder field = new StringBuilder();
    Matcher m = PROPERTY.matcher(message);
    while (m.lookingAt()) {
      field.append(field.length() == 0 ? "" : ".").append(m.group(1));
      message = message.substring(m.end());
      m = PROPERTY.matcher(message);
    }
    if (field.length() == 0 || message.isBlank()) {
      return Problem.response(400, "Malformed JSON", clean(t.getMessage()));
    }
    String f = field.toString();
    String detail = clean(message) == null ? "has an invalid value" : clean(message);
    return Problem.response(400, "Invalid input", f + ": " + detail,
        List.of(new Violation(f, detail)));
  }

  /** The cause, also of an EJB system exception (which keeps it apart from getCause). */
  static Throwable cause(Throwable t) {
    if (t instanceof EJBException ejb && ejb.getCausedByException() != null
        && ejb.getCausedByException() != t) {
      return ejb.getCausedByException();
    }
    return t.getCause() == t ? null : t.getCause();
  }

  /** 500, or 503 while the database is away, with a correlation id logged with the stack trace. */
  static Response internal(Throwable e, String where) {
    return Problem.of(Incident.of(e, where));
  }

  /** A message fit for a client: at most 500 characters, none if it shows internals. */
  static String clean(String s) {
    if (s == null || INTERNALS.matcher(s).find()) {
      return null;
    }
    return s.length() > 500 ? s.substring(0, 500) : s;
  }
}
