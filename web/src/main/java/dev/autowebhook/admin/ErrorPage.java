package dev.autowebhook.admin;

import dev.autowebhook.api.problem.Incident;
import dev.autowebhook.api.problem.Problem;
import dev.autowebhook.platform.Jsonp;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The page every error outside the REST API ends on (web.xml {@code <error-page>}): the status, a
 * short message and a correlation id, in the frame of the admin pages. A plain servlet, so it
 * works without a login, without the database and without a JSF view that could fail itself; it
 * writes only fixed text, the status and the id (never an exception message, which may hold SQL).
 * The exception goes to the server log under that id ({@link Incident}). A request under
 * {@code /api/} that ends here (e.g. an error in authentication) gets a problem document instead.
 * {@link FacesErrors} sends failed ajax requests here with {@code ?status=&id=}.
 */
@WebServlet(name = "error-page", urlPatterns = ErrorPage.PATH)
public class ErrorPage extends HttpServlet {

  public static final String PATH = "/error";

  private static final Logger LOG = Logger.getLogger(ErrorPage.class.getName());
  private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

  /** Title and message per status; any other status gets the 500 text with its own number. */
  private static final Map<Integer, String[]> TEXTS = Map.of(
      400, new String[] {"Bad request", "The request could not be understood."},
      401, new String[] {"Login required", "Please log in to open this page."},
      403, new String[] {"Access denied", "Your account is not allowed to open this page."},
      404, new String[] {"Page not found", "There is no page at this address."},
      405, new String[] {"Method not allowed", "This page does not accept this kind of request."},
      500, new String[] {"Something went wrong", "An unexpected error occurred. If it happens"
          + " again, please tell your administrator the reference below."},
      503, new String[] {"Temporarily unavailable", "The service is temporarily unavailable: its"
          + " database cannot be reached. Please try again in a few seconds."});

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Incident incident;
    try {
      incident = incident(request);
    } catch (RuntimeException e) {
      incident = new Incident(UUID.randomUUID().toString(), 500);
    }
    if (response.isCommitted()) {
      return; // part of a page went out already: nothing more can be said
    }
    try {
      response.resetBuffer();
      response.setStatus(incident.status());
      response.setHeader(Incident.HEADER, incident.id());
      response.setHeader("Cache-Control", "no-store");
      if (incident.unavailable()) {
        response.setHeader("Retry-After", Integer.toString(Incident.RETRY_AFTER_SECONDS));
      }
      String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
      if (uri != null && uri.startsWith(request.getContextPath() + "/api/")) {
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(problem(incident));
      } else {
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(page(request.getContextPath(), incident));
      }
    } catch (RuntimeException e) {
      response.setContentType("text/plain");
      response.getWriter().write("Error " + incident.status() + ", reference " + incident.id());
    }
  }

  /**
   * The failed request's incident: an exception is classified and logged with its stack trace; a
   * bare status (404, 403, 405) is logged in one line; a redirected ajax failure brings its own.
   */
  private static Incident incident(HttpServletRequest request) {
    Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String where = request.getMethod() + " " + uri;
    if (error != null) {
      return Incident.of(error, where);
    }
    if (code instanceof Integer status) {
      Incident i = new Incident(UUID.randomUUID().toString(), status);
      // unknown addresses are common (scanners, favicon.ico): only when asked for
      LOG.log(status >= 500 ? Level.SEVERE : status == 404 ? Level.FINE : Level.INFO,
          () -> "HTTP " + status + " for " + where + ", reference " + i.id());
      return i;
    }
    String id = request.getParameter("id");
    String status = request.getParameter("status");
    if (id != null && UUID_TEXT.matcher(id).matches() && ("500".equals(status)
        || "503".equals(status))) {
      return new Incident(id, Integer.parseInt(status)); // logged by FacesErrors
    }
    return new Incident(UUID.randomUUID().toString(), 404);
  }

  private static String problem(Incident incident) {
    if (incident.status() >= 500) {
      return Problem.body(incident).toString();
    }
    return Jsonp.PROVIDER.createObjectBuilder().add("type", "about:blank")
        .add("title", texts(incident.status())[0]).add("status", incident.status())
        .add("correlation_id", incident.id()).build().toString();
  }

  private static String[] texts(int status) {
    return TEXTS.getOrDefault(status, TEXTS.get(status < 500 ? 400 : 500));
  }

  /** The admin frame (header, content) around the message; static text only. */
  static String page(String contextPath, Incident incident) {
    String[] t = texts(incident.status());
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
        + "<title>" + t[0] + " · Auto Webhook</title>"
        + "<link rel=\"stylesheet\" href=\"" + contextPath
        + "/jakarta.faces.resource/admin/admin.css.xhtml\"/></head>"
        + "<body class=\"aw-body\"><header class=\"aw-header\"><a class=\"aw-brand\" href=\""
        + contextPath + "/admin/dashboard.xhtml\">Auto Webhook</a></header>"
        + "<div class=\"aw-main\"><main class=\"aw-content\" id=\"error\">"
        + "<h1 class=\"aw-title\" id=\"errorTitle\">" + t[0] + "</h1>"
        + "<p id=\"errorMessage\">" + t[1] + "</p>"
        + "<p class=\"aw-hint\">Status <span id=\"errorStatus\">" + incident.status()
        + "</span> · reference <span id=\"errorReference\" class=\"aw-mono\">" + incident.id()
        + "</span></p>"
        + "<p><a href=\"" + contextPath + "/admin/dashboard.xhtml\">Back to the dashboard</a></p>"
        + "</main></div></body></html>\n";
  }
}
