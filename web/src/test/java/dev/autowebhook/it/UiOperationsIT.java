package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Browser;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Poll;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;

/**
 * The operations pages in a real browser: an admin resets and deactivates a real device's sync
 * state (checked through the REST API), finds those actions in the audit log, and reads and clears
 * what the default subscriber delivered to the built-in inbox.
 */
class UiOperationsIT {

  static final AppServer server = AppServer.shared();
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String SYNC = "/api/v1/webhooks/sync-state";

  Api api;
  Fixtures fx;

  @BeforeEach
  void setUp() {
    api = server.admin();
    fx = new Fixtures(api);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  /** A sync client of a new user, whose token is revoked after the test. */
  Api syncClient(String user) {
    api.post("/api/v1/admin/users", Json.obj().add("username", user)
        .add("password", "client-pass-1").add("role", "sync-client").build()).expect(201);
    JsonObject t = api.post("/api/v1/admin/tokens", Json.obj().add("username", user)
        .add("name", "phone").build()).expect(201).json();
    fx.cleanup(() -> api.delete("/api/v1/admin/tokens/" + t.getJsonNumber("id")));
    return server.anonymous().header("Authorization", "Bearer " + t.getString("token"));
  }

  /** Searches the audit page for an action; waits until the other action's lines are gone. */
  static String searchAudit(Browser b, String action, String other, String device) {
    b.type(By.id("audit:action"), action);
    b.click(By.id("audit:search"));
    b.waiter().ignoring(StaleElementReferenceException.class).until(d -> {
      String text = d.findElement(By.id("audit:table")).getText();
      return text.contains(action) && text.contains("device=" + device) && !text.contains(other);
    });
    return b.find(By.id("audit:table")).getText();
  }

  @Test
  void adminResetsAndDeactivatesADeviceAndFindsItInTheAuditLog() {
    String user = Fixtures.unique("ui-sync");
    String device = Fixtures.unique("ui-phone");
    Api client = syncClient(user);
    long id = client.post(SYNC, Json.obj().add("device_id", device).add("app_type", "sales")
        .add("device_info", "Pixel 8").add("app_version", "2.1").build()).expect(200).json()
        .getJsonNumber("id").longValue();
    // the device has read and acknowledged the feed up to now
    fx.partner(Fixtures.unique("UiSyncCo"));
    String cursor = Poll.until(WAIT, "a feed with events",
        () -> client.get("/api/v1/webhooks/events?limit=1000").expect(200).json()
            .getString("next_cursor"), c -> !c.equals("0"));
    client.post(SYNC + "/" + id + "/ack", Json.obj().add("cursor", cursor).build()).expect(200);

    try (Browser b = Browser.open(server)) {
      b.loginAsAdmin();
      b.go("/admin/sync-states.xhtml");
      b.type(By.id("sync:username"), user);
      b.click(By.id("sync:search"));
      b.waitText(By.id("sync:table"), device);
      String row = b.waitText(By.id("sync:table_data"), "Pixel 8");
      assertThat(row).contains(user, "sales", cursor, "active");
      assertThat(b.find(By.id("sync:stats")).getText()).contains("Per user", user, "Per app type");

      // reset: a wrong cursor is refused next to the field, then back to the start
      b.click(By.id("sync:table:0:reset"));
      b.waitVisible(By.id("resetForm:cursor"));
      b.type(By.id("resetForm:cursor"), "abc");
      b.click(By.id("resetForm:confirmReset"));
      b.waitText(By.id("resetForm"), "is not a cursor");
      b.type(By.id("resetForm:cursor"), "0");
      b.click(By.id("resetForm:confirmReset"));
      b.waitText(By.cssSelector(".ui-growl"), "will sync again from cursor 0");
      b.waiter().ignoring(StaleElementReferenceException.class).until(d ->
          d.findElement(By.id("sync:table:0:rowCursor")).getText().equals("0"));
      assertThat(api.get(SYNC + "/" + id).expect(200).json().getString("cursor")).isEqualTo("0");

      // deactivate, after confirming
      b.click(By.id("sync:table:0:toggle"));
      b.waitText(By.cssSelector(".ui-confirm-dialog"), "Deactivate device '" + device + "'");
      b.click(By.id("sync:confirmYes"));
      b.waitText(By.id("sync:table:0:state"), "deactivated");
      JsonObject state = api.get(SYNC + "?username=" + user).expect(200).jsonArray()
          .getJsonObject(0);
      assertThat(state.getBoolean("active")).isFalse();
      assertThat(state.getString("cursor")).isEqualTo("0");

      b.screenshot("sync-states");

      // both actions are in the audit log, by actor and action
      b.go("/admin/audit.xhtml");
      b.type(By.id("audit:actor"), AppServer.ADMIN_USER);
      String reset = searchAudit(b, "sync.reset", "sync.deactivate", device);
      assertThat(reset).contains("cursor " + cursor + " -> 0", "sync_state " + id);
      assertThat(searchAudit(b, "sync.deactivate", "sync.reset", device)).contains("user=" + user);
      b.waitAjax();
      b.screenshot("audit-log");

      // another actor has none of them
      b.type(By.id("audit:actor"), user);
      b.click(By.id("audit:search"));
      b.waitText(By.id("audit:table"), "Nothing matches");
    }
  }

  @Test
  void theInboxShowsWhatTheDefaultSubscriberDeliveredAndAdminsClearIt() {
    String name = Fixtures.unique("UiInboxCo");
    long partner = fx.partner(name);
    Poll.until(WAIT, "the partner in the inbox",
        () -> api.get("/api/v1/admin/inbox?limit=100").expect(200).jsonArray(),
        list -> list.stream().anyMatch(m -> m.asJsonObject().getString("body").contains(name)));
    String summary = "res.partner " + partner + " · create";

    try (Browser b = Browser.open(server)) {
      b.loginAsAdmin();
      b.go("/admin/inbox.xhtml");
      String table = b.waitText(By.id("inbox:table"), summary);
      assertThat(table).contains("verified", "evt_");
      assertThat(table).doesNotContain(name);
      b.click(By.xpath("//tr[td[contains(., '" + summary + "')]]//*[contains(@class,"
          + " 'ui-row-toggler')]"));
      b.waitText(By.id("inbox:table"), "\"name\": \"" + name + "\"");
      assertThat(b.find(By.id("inbox:table")).getText()).contains("webhook-signature");
      b.screenshot("inbox");

      b.click(By.id("inbox:clear"));
      b.waitText(By.cssSelector(".ui-confirm-dialog"), "Forget every message");
      b.click(By.id("inbox:confirmYes"));
      b.waitText(By.cssSelector(".ui-growl"), "The inbox is empty");
      for (JsonValue m : api.get("/api/v1/admin/inbox?limit=500").expect(200).jsonArray()) {
        assertThat(m.asJsonObject().getString("body")).doesNotContain(name);
      }
      assertThat(api.get("/api/v1/admin/audit?action=inbox.clear&actor=" + AppServer.ADMIN_USER)
          .expect(200).jsonArray()).isNotEmpty();
    }
  }

  @Test
  void viewersSeeTheOperationsPagesWithoutTheirActions() {
    String user = Fixtures.unique("ui-sync-ro");
    syncClient(user).post(SYNC, Json.obj().add("device_id", "ro-phone").add("app_type", "mobile")
        .build()).expect(200);
    String viewer = UiLoginIT.user("webhook-viewer");
    try (Browser b = Browser.open(server)) {
      b.login(viewer, "ui-pass-12345");
      b.go("/admin/sync-states.xhtml");
      b.waitText(By.id("sync:table"), user);
      assertThat(b.findAll(By.cssSelector("[id$=':reset'], [id$=':toggle']"))).isEmpty();
      assertThat(b.present(By.id("resetForm"))).isFalse();
      b.go("/admin/inbox.xhtml");
      b.waitVisible(By.id("inbox:refresh"));
      assertThat(b.present(By.id("inbox:clear"))).isFalse();
      b.go("/admin/audit.xhtml");
      b.type(By.id("audit:action"), "sync.register");
      b.click(By.id("audit:search"));
      b.waitText(By.id("audit:table"), "device=ro-phone");
    }
  }
}
