package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Browser;
import dev.autowebhook.it.support.Poll;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Users and API tokens in a real browser: field messages for a bad account, a new viewer who can
 * log in but not reach the page, a token shown once that works as a Bearer token until revoked.
 */
class UiUsersIT {

  static final AppServer server = AppServer.shared();

  @Test
  void adminCreatesAViewerAndIssuesAndRevokesAToken() {
    String viewer = Fixtures.unique("uiuser");
    String tokenName = Fixtures.unique("tablet");
    try (Browser b = Browser.open(server)) {
      b.loginAsAdmin();
      b.click(By.id("navUsers"));
      b.type(By.id("newUser:username"), viewer);
      b.type(By.id("newUser:password"), "short");
      b.click(By.id("newUser:create"));
      b.waitText(By.id("newUser"), "must be at least 8 characters");
      assertThat(server.admin().get("/api/v1/admin/users").expect(200).body())
          .doesNotContain(viewer);

      b.type(By.id("newUser:password"), "viewer-pass-123");
      b.click(By.id("newUser:create"));
      b.waitText(By.id("users"), viewer);
      assertThat(b.driver().getPageSource()).doesNotContain("viewer-pass-123");
      assertThat(server.admin().get("/api/v1/admin/audit?action=user.create").expect(200).body())
          .contains(viewer).contains("\"actor\":\"" + AppServer.ADMIN_USER + "\"");

      // a token for the new user: shown once, a working Bearer token
      b.choose("tokens:username", viewer);
      b.type(By.id("tokens:name"), tokenName);
      b.click(By.id("tokens:issue"));
      String token = b.waitVisible(By.id("issuedToken")).getText().trim();
      assertThat(token).startsWith("awt_");
      assertThat(bearerStatus(token)).isEqualTo(200);
      b.go("/admin/users.xhtml");
      assertThat(b.find(By.id("tokens:list")).getText()).contains(tokenName);
      assertThat(b.driver().getPageSource()).doesNotContain(token);

      b.click(By.xpath("//tr[td[text()='" + tokenName + "']]//button[contains(@id,'revoke')]"));
      b.click(By.cssSelector(".ui-confirmdialog-yes"));
      b.waitText(By.xpath("//tr[td[text()='" + tokenName + "']]"), "revoked");
      Poll.until(Duration.ofSeconds(40), "the revoked token is refused",
          () -> bearerStatus(token) == 401);
    }

    try (Browser v = Browser.open(server)) {
      v.login(viewer, "viewer-pass-123");
      assertThat(v.present(By.id("navUsers"))).isFalse();
      v.go("/admin/users.xhtml");
      assertThat(v.pageText()).doesNotContain("Issue a token");
    }
  }

  /** Status of a feed read with the token (the token cache may keep a revoked token 30 s). */
  static int bearerStatus(String token) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(server.baseUrl() + "/api/v1/webhooks/events?limit=1"))
          .header("Authorization", "Bearer " + token).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
