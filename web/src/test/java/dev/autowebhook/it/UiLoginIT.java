package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Browser;
import dev.autowebhook.it.support.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * The admin UI's login in a real headless Chromium: the form, wrong passwords, roles, logout, and
 * that the UI session cookie never authenticates a REST call.
 */
class UiLoginIT {

  static final AppServer server = AppServer.shared();

  static String user(String role) {
    String name = Fixtures.unique("ui-user");
    server.admin().post("/api/v1/admin/users", Json.obj().add("username", name)
        .add("password", "ui-pass-12345").add("role", role).build()).expect(201);
    return name;
  }

  @Test
  void anonymousPagesGoToLoginAndWrongPasswordsAreRefused() {
    try (Browser b = Browser.open(server)) {
      b.go("/admin/events.xhtml");
      b.waitUrlContains("/login.xhtml");
      assertThat(b.pageText()).doesNotContain("expired");

      b.type(By.id("login:username"), AppServer.ADMIN_USER);
      b.type(By.id("login:password"), "not-the-password");
      b.click(By.id("login:submit"));
      b.waitText(By.id("messages"), "Wrong user name or password");
      assertThat(b.driver().getCurrentUrl()).contains("/login.xhtml");
      b.go("/admin/dashboard.xhtml");
      b.waitUrlContains("/login.xhtml");
      assertThat(b.present(By.id("userForm:userName"))).as("not logged in").isFalse();

      b.go("/login.xhtml");
      b.click(By.id("login:submit"));
      b.waitText(By.id("login"), "Enter your user name");
    }
  }

  @Test
  void adminLogsInSeesTheFrameAndLogsOut() throws Exception {
    try (Browser b = Browser.open(server)) {
      b.loginAsAdmin();
      assertThat(b.find(By.id("userForm:userName")).getText()).isEqualTo(AppServer.ADMIN_USER);
      assertThat(b.find(By.id("userForm:userRole")).getText()).isEqualTo("webhook-admin");
      for (String nav : new String[] {"Dashboard", "Events", "Dead letters", "Subscribers",
          "Webhook configs", "Templates", "Sync states", "Audit log", "Inbox"}) {
        assertThat(b.find(By.id("nav")).getText()).contains(nav);
      }

      // the session cookie is for the UI only: the REST API does not accept it
      Cookie session = b.driver().manage().getCookieNamed("JSESSIONID");
      assertThat(session).isNotNull();
      assertThat(session.isHttpOnly()).isTrue();
      HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(server.baseUrl() + "/api/v1/admin/subscribers"))
          .header("Cookie", "JSESSIONID=" + session.getValue()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(api.statusCode()).isEqualTo(401);

      b.click(By.id("userForm:logout"));
      b.waitUrlContains("/login.xhtml");
      b.go("/admin/dashboard.xhtml");
      b.waitUrlContains("/login.xhtml");
      assertThat(b.present(By.id("userForm:userName"))).isFalse();
    }
  }

  @Test
  void viewerIsReadOnlyAndSyncClientsHaveNoUi() {
    String viewer = user("webhook-viewer");
    try (Browser b = Browser.open(server)) {
      b.login(viewer, "ui-pass-12345");
      assertThat(b.find(By.id("userForm:userRole")).getText()).isEqualTo("webhook-viewer");
    }
    String sync = user("sync-client");
    try (Browser b = Browser.open(server)) {
      b.go("/login.xhtml");
      b.type(By.id("login:username"), sync);
      b.type(By.id("login:password"), "ui-pass-12345");
      b.click(By.id("login:submit"));
      b.waitText(By.id("messages"), "no access to the admin UI");
    }
  }

  @Test
  void anExpiredSessionAsksToLogInAgain() {
    try (Browser b = Browser.open(server)) {
      b.loginAsAdmin();
      // what a timed-out session looks like to the browser: a cookie the server no longer knows
      b.driver().manage().deleteCookieNamed("JSESSIONID");
      b.driver().manage().addCookie(new Cookie("JSESSIONID", "gone0000000000000000000000"));
      b.go("/admin/dashboard.xhtml");
      b.waitUrlContains("/login.xhtml");
      b.waitText(By.id("expired"), "Your session has expired");
    }
  }
}
