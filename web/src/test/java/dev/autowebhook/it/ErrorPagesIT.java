package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.ApiResponse;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Browser;
import dev.autowebhook.it.support.Internals;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Poll;
import java.time.Duration;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Errors as a client sees them: outside the REST API the application's own page (status, a short
 * message, a correlation id) for an unknown page, a forbidden one, a wrong method and a JSF ajax
 * request that fails on the server; in the API a problem document. Never a class
 * name, SQL or product version; the id of a failure is in the server log next to its stack trace.
 * (The 503 of a database outage, on a page and in the API: it/fault/DatabaseOutageIT.)
 */
class ErrorPagesIT {

  static final AppServer server = AppServer.shared();

  @Test
  void anUnknownPageShowsTheApplicationsPageWithStatusAndId() {
    Api anonymous = server.anonymous();
    for (String path : new String[] {"/no-such-page", "/no-such-page.xhtml",
        "/admin-nothing/x.html"}) {
      ApiResponse r = anonymous.send("GET", path, null, null);
      assertThat(r.status()).as("GET %s", path).isEqualTo(404);
      assertThat(r.header("Content-Type")).startsWith("text/html");
      Internals.assertNone(r);
      shownId(r);
      assertThat(r.body()).contains("Page not found").contains("Status <span id=\"errorStatus\">404")
          .contains("aw-header");
    }
  }

  @Test
  void aWrongMethodOnAPageIs405WithoutInternals() {
    ApiResponse r = server.anonymous().send("PUT", "/metrics", "text/plain", "x");
    assertThat(r.status()).isEqualTo(405);
    Internals.assertNone(r);
    assertThat(r.body()).contains("Method not allowed");
    String id = shownId(r);
    assertThat(server.logSinceStart()).contains("HTTP 405 for PUT /metrics, reference " + id);
  }

  @Test
  void aViewerOnTheUsersPageSeesAccessDenied() {
    String viewer = Fixtures.unique("errview");
    server.admin().post("/api/v1/admin/users", Json.obj().add("username", viewer)
        .add("password", "viewer-pass-1").add("role", "webhook-viewer").build()).expect(201);
    try (Browser b = Browser.open(server)) {
      b.login(viewer, "viewer-pass-1");
      b.go("/admin/users.xhtml");
      String text = b.waitText(By.id("error"), "Access denied");
      assertThat(text).contains("Status 403");
      String id = b.find(By.id("errorReference")).getText();
      assertThat(Internals.ID.matcher(id).matches()).as(id).isTrue();
      Internals.assertNone("the 403 page", b.driver().getPageSource());
      assertThat(server.logSinceStart())
          .contains("HTTP 403 for GET /admin/users.xhtml, reference " + id);
    }
  }

  /**
   * A real failure of a JSF ajax request: the audit table's paging fields are numbers, and a
   * paging request with letters in them fails while the table renders (500). The browser ends on
   * the error page; the trace is in the log under the id it shows.
   */
  @Test
  void aFailingAjaxRequestLeadsToTheErrorPage() {
    try (Browser b = Browser.open(server)) {
      b.loginAsAdmin();
      b.go("/admin/audit.xhtml");
      b.find(By.id("audit:table"));
      b.script("PrimeFaces.ab({s: 'audit:table', p: 'audit:table', u: 'audit:table', params: ["
          + "{name: 'audit:table_pagination', value: true},"
          + " {name: 'audit:table_encodeFeature', value: true},"
          + " {name: 'audit:table_first', value: 'abc'}, {name: 'audit:table_rows', value: '25'}]});");
      String text = b.waitText(By.id("error"), "Something went wrong");
      assertThat(text).contains("Status 500");
      String id = b.find(By.id("errorReference")).getText();
      assertThat(b.driver().getCurrentUrl()).contains("/error?status=500&id=" + id);
      Internals.assertNone("the ajax 500 page", b.driver().getPageSource());
      Internals.assertLogged(server.logSinceStart(), id, "NumberFormatException");
    }
  }

  /** The API keeps problem documents: its own errors and a request it cannot read. */
  @Test
  void apiErrorsAreProblemsWithoutInternals() {
    Api admin = server.admin();
    for (ApiResponse r : new ApiResponse[] {
        admin.get("/api/v1/no-such-resource"),
        admin.send("PATCH", "/api/v1/admin/subscribers", "application/json", "{}"),
        admin.send("POST", "/api/v1/admin/subscribers", "application/json", "{\"name\": [1, {"),
        admin.send("POST", "/api/v1/admin/subscribers", "application/json",
            "{\"name\": {\"a\": 1}, \"endpoint_url\": 5}"),
        admin.send("POST", "/api/v1/admin/subscribers", "text/csv", "a,b")}) {
      assertThat(r.status()).as(r.toString()).isBetween(400, 499);
      assertThat(r.header("Content-Type")).as(r.toString()).startsWith("application/problem+json");
      assertThat(r.json().getInt("status")).isEqualTo(r.status());
      Internals.assertNone(r);
    }
  }

  /** The id on the page, also in the {@code X-Correlation-Id} header. */
  static String shownId(ApiResponse r) {
    Matcher m = java.util.regex.Pattern.compile("id=\"errorReference\"[^>]*>([^<]+)<")
        .matcher(r.body());
    assertThat(m.find()).as("a reference on the page: %s", r.body()).isTrue();
    String id = m.group(1);
    assertThat(Internals.ID.matcher(id).matches()).as(id).isTrue();
    assertThat(r.header("X-Correlation-Id")).isEqualTo(id);
    return id;
  }
}
