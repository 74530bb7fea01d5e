package dev.autowebhook.api.problem;

import dev.autowebhook.platform.Jsonp;
import dev.autowebhook.platform.InvalidInputException.Violation;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem document, with per-field {@code errors} for invalid input. */
public final class Problem {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType TYPE = MediaType.valueOf(MEDIA_TYPE);

  private Problem() {}

  public static Response response(int status, String title, String detail,
      List<Violation> errors) {
    JsonObjectBuilder b = Jsonp.PROVIDER.createObjectBuilder()
        .add("type", "about:blank")
        .add("title", title)
        .add("status", status);
    if (detail != null) {
      b.add("detail", detail);
    }
    if (errors != null && !errors.isEmpty()) {
      JsonArrayBuilder a = Jsonp.PROVIDER.createArrayBuilder();
      for (Violation v : errors) {
        JsonObjectBuilder e = Jsonp.PROVIDER.createObjectBuilder();
        if (v.field() == null) {
          e.addNull("field");
        } else {
          e.add("field", v.field());
        }
        a.add(e.add("message", v.message()));
      }
      b.add("errors", a);
    }
    JsonObject body = b.build();
    return Response.status(status).type(TYPE).entity(body.toString()).build();
  }

  public static Response response(int status, String title, String detail) {
    return response(status, title, detail, null);
  }

  /**
   * An unexpected error: 500, or 503 with {@code Retry-After} while the database is away; the
   * correlation id in the detail, in {@code correlation_id} and in the {@link Incident#HEADER}.
   */
  public static Response of(Incident incident) {
    Response.ResponseBuilder r = Response.status(incident.status()).type(TYPE)
        .header(Incident.HEADER, incident.id()).entity(body(incident).toString());
    if (incident.unavailable()) {
      r.header("Retry-After", Integer.toString(Incident.RETRY_AFTER_SECONDS));
    }
    return r.build();
  }

  /** The problem document of {@link #of}. */
  public static JsonObject body(Incident incident) {
    return Jsonp.PROVIDER.createObjectBuilder()
        .add("type", "about:blank")
        .add("title", incident.unavailable() ? "Service unavailable" : "Internal error")
        .add("status", incident.status())
        .add("detail", detail(incident))
        .add("correlation_id", incident.id())
        .build();
  }

  /** The one sentence a client reads about an unexpected error. */
  public static String detail(Incident incident) {
    return incident.unavailable()
        ? "The database is temporarily unavailable; try again in a few seconds (reference "
            + incident.id() + ")."
        : "An unexpected error occurred; reference " + incident.id() + " in the server log.";
  }
}
