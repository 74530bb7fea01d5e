package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Browser;
import dev.autowebhook.it.support.Json;
import jakarta.json.JsonValue;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;

/**
 * The Jobs page in a real browser: an admin sees every job with its parameters, a replay with bad
 * fields is refused next to them (nothing started), Run now starts a cleanup job after a
 * confirmation and the execution turns completed on the page and over the REST API; a viewer
 * sees the page without any control.
 */
class UiJobsIT {

  static final AppServer server = AppServer.shared();

  @Test
  void adminRunsACleanupJobAndBadReplayFieldsAreRefused() {
    Api api = server.admin();
    int before = api.get("/api/v1/admin/job-executions?job=replay&limit=200").expect(200)
        .jsonArray().size();
    try (Browser b = Browser.open(server)) {
      b.loginAsAdmin();
      b.click(By.id("navJobs"));
      String jobs = b.waitText(By.id("jobs:definitions"), "feed-archival");
      assertThat(jobs).contains("event-cleanup", "audit-cleanup", "replay", "retention_seconds",
          "subscribers");

      b.type(By.id("jobs:from"), "yesterday");
      b.click(By.id("jobs:replay"));
      String form = b.waitText(By.id("jobs"), "must be an ISO-8601 time");
      assertThat(form).contains("must name at least one subscriber id");
      assertThat(api.get("/api/v1/admin/job-executions?job=replay&limit=200").expect(200)
          .jsonArray()).as("no replay started").hasSize(before);

      b.click(By.id("jobs:definitions:1:run"));
      b.waitText(By.cssSelector(".ui-confirm-dialog"), "Run audit-cleanup now");
      b.click(By.id("jobs:confirmYes"));
      b.waitText(By.cssSelector(".ui-growl"), "Started audit-cleanup");
      b.waiter().withTimeout(Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
          .until(d -> d.findElement(By.id("jobs:executions:0:status")).getText()
              .equals("completed"));
      assertThat(b.find(By.id("jobs:executions")).getText()).contains("audit-cleanup");
      JsonValue last = api.get("/api/v1/admin/job-executions?job=audit-cleanup&limit=1")
          .expect(200).jsonArray().get(0);
      assertThat(last.asJsonObject().getString("status")).isEqualTo("completed");
      b.screenshot("jobs");
    }
  }

  @Test
  void viewerSeesJobsButNoControl() {
    String viewer = Fixtures.unique("uijobs");
    server.admin().post("/api/v1/admin/users", Json.obj().add("username", viewer)
        .add("password", "viewer-pass-1").add("role", "webhook-viewer").build()).expect(201);
    try (Browser b = Browser.open(server)) {
      b.login(viewer, "viewer-pass-1");
      b.go("/admin/jobs.xhtml");
      b.waitText(By.id("jobs:definitions"), "event-cleanup");
      assertThat(b.present(By.id("jobs:definitions:1:run"))).isFalse();
      assertThat(b.present(By.id("jobs:replay"))).isFalse();
    }
  }
}
