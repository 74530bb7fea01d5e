package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.ApiResponse;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every REST operation × {admin, viewer, sync token, anonymous}: anonymous gets 401 everywhere but
 * the public inbox, a sync token 403 everywhere (it authenticates but has no admin role), a viewer
 * reads but never writes, an admin is never refused. Ids do not exist and bodies are invalid, so
 * an allowed call answers 400/404 and changes nothing (except the inbox: admins clear it, and
 * anyone may post to it a request signed for a subscriber of the inbox); only 401/403 matter. A last test keeps the table complete against
 * {@code /openapi}.
 */
class RoleMatrixIT {

  /** Who may call an operation. */
  enum Access {
    /** No login needed. */
    PUBLIC,
    /** Admins and viewers. */
    READ,
    /** Admins only. */
    ADMIN,
    /** Admins, viewers and sync clients (feed and device reads). */
    SYNC_READ,
    /** Admins and sync clients (on their own devices); viewers are refused. */
    SYNC_WRITE
  }

  /** One operation: {@code path} is the OpenAPI template; {@code {id}} is replaced by a missing id. */
  record Call(String method, String path, String body, Access access) {
    ApiResponse send(Api api) {
      if (path.equals(INBOX)) { // public, for requests signed for a subscriber of the inbox
        return Fixtures.postToInbox(api, inboxSecret, Fixtures.unique("msg"),
            java.time.Instant.now().getEpochSecond(), body);
      }
      return api.send(method, path.replace("{id}", MISSING_ID).replace("{name}", "no-such-job"),
          body == null ? null : "application/json", body);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static final String MISSING_ID = "987654321";
  static final String INBOX = "/api/v1/inbox";

  static final List<String> COLLECTIONS = List.of("sale-orders", "purchase-orders",
      "account-moves", "account-payments", "crm-leads", "stock-pickings", "stock-moves",
      "partners", "product-templates", "product-categories", "account-journals", "hr-expenses",
      "hr-employees");

  static final List<Call> MATRIX = matrix();

  static List<Call> matrix() {
    List<Call> m = new ArrayList<>();
    String a = "/api/v1/admin/";
    // subscribers
    m.add(new Call("GET", a + "subscribers", null, Access.READ));
    m.add(new Call("GET", a + "subscribers/{id}", null, Access.READ));
    m.add(new Call("POST", a + "subscribers", "{}", Access.ADMIN));
    m.add(new Call("PUT", a + "subscribers/{id}", "{}", Access.ADMIN));
    m.add(new Call("DELETE", a + "subscribers/{id}", null, Access.ADMIN));
    m.add(new Call("POST", a + "subscribers/{id}/test", null, Access.ADMIN));
    m.add(new Call("POST", a + "subscribers/{id}/rotate-secret", "{}", Access.ADMIN));
    // configs
    m.add(new Call("GET", a + "configs", null, Access.READ));
    m.add(new Call("GET", a + "configs/{id}", null, Access.READ));
    m.add(new Call("POST", a + "configs", "{}", Access.ADMIN));
    m.add(new Call("PUT", a + "configs/{id}", "{}", Access.ADMIN));
    m.add(new Call("DELETE", a + "configs/{id}", null, Access.ADMIN));
    // templates; preview only renders, so viewers may use it
    m.add(new Call("GET", a + "templates", null, Access.READ));
    m.add(new Call("GET", a + "templates/{id}", null, Access.READ));
    m.add(new Call("POST", a + "templates", "{}", Access.ADMIN));
    m.add(new Call("PUT", a + "templates/{id}", "{}", Access.ADMIN));
    m.add(new Call("DELETE", a + "templates/{id}", null, Access.ADMIN));
    m.add(new Call("POST", a + "templates/preview", "{}", Access.READ));
    // events (deliveries)
    m.add(new Call("GET", a + "events", null, Access.READ));
    m.add(new Call("GET", a + "events/{id}", null, Access.READ));
    m.add(new Call("GET", a + "events/{id}/attempts", null, Access.READ));
    m.add(new Call("POST", a + "events/{id}/retry", null, Access.ADMIN));
    m.add(new Call("POST", a + "events/retry", "{}", Access.ADMIN));
    m.add(new Call("POST", a + "events/{id}/dead", null, Access.ADMIN));
    // stats, audit
    m.add(new Call("GET", a + "stats", null, Access.READ));
    m.add(new Call("GET", a + "stats/timeline", null, Access.READ));
    m.add(new Call("GET", a + "stats/subscribers", null, Access.READ));
    m.add(new Call("GET", a + "audit", null, Access.READ));
    // inbox: the receiver is public; clearing it (really done by the admin) is an admin write
    m.add(new Call("GET", a + "inbox", null, Access.READ));
    m.add(new Call("DELETE", a + "inbox", null, Access.ADMIN));
    m.add(new Call("POST", INBOX, "{\"from\":\"RoleMatrixIT\"}", Access.PUBLIC));
    // users: admins only, reads included
    m.add(new Call("GET", a + "users", null, Access.ADMIN));
    m.add(new Call("POST", a + "users", "{}", Access.ADMIN));
    // API tokens
    m.add(new Call("GET", a + "tokens", null, Access.READ));
    m.add(new Call("GET", a + "tokens/{id}", null, Access.READ));
    m.add(new Call("POST", a + "tokens", "{}", Access.ADMIN));
    m.add(new Call("DELETE", a + "tokens/{id}", null, Access.ADMIN));
    // pull feed and Smart Sync: sync clients too; a missing device is a 404 for those allowed
    String w = "/api/v1/webhooks/";
    m.add(new Call("GET", w + "events", null, Access.SYNC_READ));
    m.add(new Call("GET", w + "sync-state", null, Access.SYNC_READ));
    m.add(new Call("GET", w + "sync-state/stats", null, Access.SYNC_READ));
    m.add(new Call("GET", w + "sync-state/{id}", null, Access.SYNC_READ));
    m.add(new Call("POST", w + "sync-state", "{}", Access.SYNC_WRITE));
    m.add(new Call("POST", w + "sync-state/{id}/ack", "{}", Access.SYNC_WRITE));
    m.add(new Call("POST", w + "sync-state/{id}/reset", "{}", Access.SYNC_WRITE));
    m.add(new Call("POST", w + "sync-state/{id}/deactivate", null, Access.SYNC_WRITE));
    m.add(new Call("POST", w + "sync-state/{id}/activate", null, Access.SYNC_WRITE));
    m.add(new Call("POST", a + "feed/retention", "[]", Access.ADMIN));
    // configuration transfer: admins only, the export too (it shows every endpoint)
    m.add(new Call("GET", a + "config-export", null, Access.ADMIN));
    m.add(new Call("POST", a + "config-import", "{}", Access.ADMIN));
    // batch jobs
    m.add(new Call("GET", a + "jobs", null, Access.READ));
    m.add(new Call("POST", a + "jobs/{name}/executions", "{}", Access.ADMIN));
    m.add(new Call("GET", a + "job-executions", null, Access.READ));
    m.add(new Call("GET", a + "job-executions/{id}", null, Access.READ));
    m.add(new Call("POST", a + "job-executions/{id}/restart", null, Access.ADMIN));
    m.add(new Call("POST", a + "job-executions/{id}/stop", null, Access.ADMIN));
    // business records: bodies of the wrong JSON type are refused before anything is written
    for (String c : COLLECTIONS) {
      String r = "/api/v1/" + c;
      m.add(new Call("GET", r, null, Access.READ));
      m.add(new Call("GET", r + "/{id}", null, Access.READ));
      m.add(new Call("POST", r, "[]", Access.ADMIN));
      m.add(new Call("POST", r + "/batch", "{}", Access.ADMIN));
      m.add(new Call("PUT", r + "/{id}", "[]", Access.ADMIN));
      m.add(new Call("DELETE", r + "/{id}", null, Access.ADMIN));
    }
    return List.copyOf(m);
  }

  static String viewerName;
  static long tokenId;
  static String token;
  static long inboxSubscriberId;
  static String inboxSecret;

  @BeforeAll
  static void users() {
    Api admin = AppServer.shared().admin();
    JsonObject s = admin.post("/api/v1/admin/subscribers", Json.obj()
        .add("name", Fixtures.unique("matrix-inbox"))
        .add("endpoint_url", AppServer.shared().baseUrl() + INBOX).build()).expect(201).json();
    inboxSubscriberId = s.getJsonNumber("id").longValue();
    inboxSecret = s.getString("signing_secret");
    viewerName = Fixtures.unique("mview");
    admin.post("/api/v1/admin/users", Json.obj().add("username", viewerName)
        .add("password", "viewer-pass-1").add("role", "webhook-viewer").build()).expect(201);
    // bound to the admin account on purpose: a token must not inherit its user's role
    JsonObject t = admin.post("/api/v1/admin/tokens", Json.obj()
        .add("username", AppServer.ADMIN_USER).add("name", "role matrix").build())
        .expect(201).json();
    tokenId = t.getJsonNumber("id").longValue();
    token = t.getString("token");
  }

  @AfterAll
  static void revoke() {
    AppServer.shared().admin().delete("/api/v1/admin/tokens/" + tokenId);
    AppServer.shared().admin().delete("/api/v1/admin/subscribers/" + inboxSubscriberId);
  }

  static boolean refused(ApiResponse r) {
    return r.status() == 401 || r.status() == 403;
  }

  static boolean problem(ApiResponse r, int status) {
    String type = r.header("content-type");
    return r.status() == status && type != null && type.startsWith("application/problem+json");
  }

  /**
   * Sends every call of the matrix as {@code who}; fails listing every call whose answer does not
   * pass {@code ok} for the call's access level.
   */
  static void check(String who, Api api, String expected,
      Function<Access, Predicate<ApiResponse>> ok) {
    List<String> offending = new ArrayList<>();
    for (Call c : MATRIX) {
      ApiResponse r = c.send(api);
      if (!ok.apply(c.access()).test(r)) {
        offending.add(String.format(Locale.ROOT, "  %-6s %-48s %-6s -> HTTP %d %s", c.method(),
            c.path(), c.access(), r.status(), abbreviate(r.body())));
      }
    }
    assertThat(offending)
        .as("%s: %d of %d operations answered against the role matrix (expected %s):%n%s",
            who, offending.size(), MATRIX.size(), expected, String.join("\n", offending))
        .isEmpty();
  }

  static String abbreviate(String body) {
    String b = body.replaceAll("\\s+", " ");
    return b.length() > 120 ? b.substring(0, 120) + "…" : b;
  }

  @Test
  void adminIsNeverRefused() {
    check("admin", AppServer.shared().admin(), "anything but 401/403",
        access -> r -> !refused(r));
  }

  @Test
  void viewerReadsButNeverWrites() {
    check("viewer", AppServer.shared().api(viewerName, "viewer-pass-1"),
        "a 403 problem for ADMIN rows, no 401/403 for READ and PUBLIC rows",
        access -> access == Access.ADMIN || access == Access.SYNC_WRITE ? r -> problem(r, 403)
            : r -> !refused(r));
  }

  @Test
  void syncTokenIsRefusedOnEveryAdminEndpointButUsesTheFeed() {
    check("sync token",
        AppServer.shared().anonymous().header("Authorization", "Bearer " + token),
        "a 403 problem for every row but PUBLIC ones",
        access -> access == Access.PUBLIC || access == Access.SYNC_READ
            || access == Access.SYNC_WRITE ? r -> !refused(r) : r -> problem(r, 403));
  }

  @Test
  void anonymousGets401EverywhereButTheInbox() {
    check("anonymous", AppServer.shared().anonymous(),
        "a 401 problem for every row but PUBLIC ones",
        access -> access == Access.PUBLIC ? r -> !refused(r) : r -> problem(r, 401));
  }

  /** A new operation must get a row here, so that its roles are checked too. */
  @Test
  void matrixCoversEveryOperationInTheOpenApiDocument() {
    JsonObject doc = AppServer.shared().anonymous().header("Accept", "application/json")
        .get("/openapi").expect(200).json();
    Set<String> documented = new TreeSet<>();
    doc.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().keySet().stream()
        .filter(k -> Set.of("get", "put", "post", "delete", "patch").contains(k))
        .forEach(k -> documented.add(k.toUpperCase(Locale.ROOT) + " " + path)));
    Set<String> tested = new TreeSet<>();
    MATRIX.forEach(c -> tested.add(c.toString()));

    Set<String> missing = new TreeSet<>(documented);
    missing.removeAll(tested);
    Set<String> stale = new TreeSet<>(tested);
    stale.removeAll(documented);
    assertThat(missing).as("operations in /openapi without a row in RoleMatrixIT").isEmpty();
    assertThat(stale).as("rows of RoleMatrixIT that /openapi does not list").isEmpty();
  }
}
