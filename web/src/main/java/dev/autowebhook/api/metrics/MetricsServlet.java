package dev.autowebhook.api.metrics;

import dev.autowebhook.api.Roles;
import dev.autowebhook.metrics.boundary.Metrics;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves {@link Metrics#scrape()} for Prometheus. Open by default (scrapers rarely carry
 * credentials, and the figures hold only counts, ages and subscriber ids); with
 * {@code AUTOWEBHOOK_METRICS_PUBLIC=false} it needs an admin or viewer (HTTP Basic, or the admin
 * UI's session): 401 without credentials, 403 for any other role.
 */
@WebServlet(name = "metrics", urlPatterns = "/metrics")
public class MetricsServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient Metrics metrics;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!metrics.isPublic()) {
      if (request.getUserPrincipal() == null) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"autowebhook\"");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        return;
      }
      if (!request.isUserInRole(Roles.ADMIN) && !request.isUserInRole(Roles.VIEWER)) {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
        return;
      }
    }
    byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
    response.setContentType(Metrics.CONTENT_TYPE);
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
