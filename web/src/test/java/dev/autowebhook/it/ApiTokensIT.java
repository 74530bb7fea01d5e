package dev.autowebhook.it;

import static dev.autowebhook.it.ValidationIT.fields;
import static dev.autowebhook.it.ValidationIT.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.ApiResponse;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Poll;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * API tokens through the admin API: issued once in clear, then only hashed; a token authenticates
 * as {@code Bearer} with the sync-client role only (never admin, whatever its user's role); a
 * revoked or expired token gets 401 at once.
 */
class ApiTokensIT {

  static final String PATH = "/api/v1/admin/tokens";
  /** An admin endpoint: a valid token gets 403 there (authenticated, wrong role), not 401. */
  static final String ADMIN_ONLY = "/api/v1/admin/subscribers";

  Api api;
  final List<Long> issued = new ArrayList<>();

  @BeforeEach
  void setUp() {
    api = AppServer.shared().admin();
  }

  @AfterEach
  void tearDown() {
    issued.forEach(id -> api.delete(PATH + "/" + id));
  }

  /** Issues a token (revoked after the test); returns the create answer with its token. */
  JsonObject issue(String username, String name, OffsetDateTime expiresAt) {
    JsonObjectBuilder b = Json.obj().add("username", username).add("name", name);
    if (expiresAt != null) {
      b.add("expires_at", expiresAt.toString());
    }
    ApiResponse r = api.post(PATH, b.build()).expect(201);
    JsonObject t = r.json();
    issued.add(t.getJsonNumber("id").longValue());
    assertThat(r.header("location")).endsWith(PATH + "/" + t.getJsonNumber("id"));
    return t;
  }

  static Api bearer(String token) {
    return AppServer.shared().anonymous().header("Authorization", "Bearer " + token);
  }

  static String viewer() {
    String name = Fixtures.unique("tview");
    AppServer.shared().admin().post("/api/v1/admin/users", Json.obj().add("username", name)
        .add("password", "viewer-pass-1").add("role", "webhook-viewer").build()).expect(201);
    return name;
  }

  static void assertUnauthorizedBearer(ApiResponse r) {
    problem(r, 401);
    assertThat(r.header("www-authenticate")).startsWith("Bearer realm=\"autowebhook\"");
  }

  @Test
  void issuedTokenAuthenticatesAsSyncClientOnly() {
    JsonObject t = issue(AppServer.ADMIN_USER, Fixtures.unique("phone"), null);
    String token = t.getString("token");
    assertThat(token).startsWith("awt_").hasSize(47);
    assertThat(t.getString("prefix")).isEqualTo(token.substring(4, 12));
    assertThat(t.getString("username")).isEqualTo(AppServer.ADMIN_USER);
    assertThat(t.getString("created_at")).isNotBlank();
    assertThat(t.isNull("expires_at")).isTrue();

    // bound to the admin account, yet no admin (nor viewer) rights: authenticated, then 403
    problem(bearer(token).get(ADMIN_ONLY), 403);
    problem(bearer(token).get("/api/v1/sale-orders"), 403);
    problem(bearer(token).post(PATH, Json.obj().add("username", AppServer.ADMIN_USER)
        .add("name", "escalate").build()), 403);
    // a garbage or unknown token is not authenticated at all
    assertUnauthorizedBearer(bearer("garbage").get(ADMIN_ONLY));
    assertUnauthorizedBearer(bearer("awt_" + "A".repeat(43)).get(ADMIN_ONLY));
    assertUnauthorizedBearer(bearer(token + "x").get(ADMIN_ONLY));
    // the scheme name is case-insensitive
    problem(AppServer.shared().anonymous().header("Authorization", "bearer " + token)
        .get(ADMIN_ONLY), 403);

    long id = t.getJsonNumber("id").longValue();
    assertThat(api.get(PATH + "/" + id).expect(200).json().isNull("last_used_at"))
        .as("a use is recorded").isFalse();
  }

  @Test
  void tokenIsNeverShownAgain() {
    String name = Fixtures.unique("tshow");
    JsonObject t = issue(AppServer.ADMIN_USER, name, null);
    String token = t.getString("token");
    long id = t.getJsonNumber("id").longValue();

    JsonObject got = api.get(PATH + "/" + id).expect(200).json();
    assertThat(got.getString("name")).isEqualTo(name);
    assertThat(got.getString("prefix")).isEqualTo(t.getString("prefix"));
    assertThat(got.getString("created_by")).isEqualTo(AppServer.ADMIN_USER);
    assertThat(got.isNull("token")).isTrue();
    assertThat(got.keySet()).noneMatch(k -> k.contains("hash"));
    for (String path : List.of(PATH, PATH + "?username=" + AppServer.ADMIN_USER,
        PATH + "/" + id, "/api/v1/admin/audit?target_type=api_token")) {
      String body = api.get(path).expect(200).body();
      assertThat(body).as(path).contains(t.getString("prefix")).doesNotContain(token);
    }
    assertThat(api.get(PATH + "?username=" + AppServer.ADMIN_USER).expect(200).jsonArray())
        .anyMatch(v -> v.asJsonObject().getJsonNumber("id").longValue() == id);
    assertThat(api.get(PATH + "?username=nobody-" + name).expect(200).jsonArray()).isEmpty();
  }

  @Test
  void revokedTokenGets401AtOnceAndRevokingAgainIsFine() {
    JsonObject t = issue(AppServer.ADMIN_USER, Fixtures.unique("trev"), null);
    String token = t.getString("token");
    long id = t.getJsonNumber("id").longValue();
    problem(bearer(token).get(ADMIN_ONLY), 403); // works, and is now in the lookup cache

    api.delete(PATH + "/" + id).expect(204);

    assertUnauthorizedBearer(bearer(token).get(ADMIN_ONLY));
    assertThat(api.get(PATH + "/" + id).expect(200).json().isNull("revoked_at")).isFalse();
    api.delete(PATH + "/" + id).expect(204);
    assertUnauthorizedBearer(bearer(token).get(ADMIN_ONLY));
    assertThat(api.get("/api/v1/admin/audit?action=token.revoke").expect(200).jsonArray())
        .filteredOn(v -> v.asJsonObject().getString("target_id").equals(String.valueOf(id)))
        .as("revoked once, audited once").hasSize(1);
    problem(api.delete(PATH + "/987654321"), 404);
    problem(api.get(PATH + "/987654321"), 404);
  }

  @Test
  void expiredTokenGets401() {
    OffsetDateTime expiresAt = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(4);
    JsonObject t = issue(AppServer.ADMIN_USER, Fixtures.unique("texp"), expiresAt);
    String token = t.getString("token");
    assertThat(OffsetDateTime.parse(t.getString("expires_at"))).isEqualTo(expiresAt);
    problem(bearer(token).get(ADMIN_ONLY), 403); // valid now, and cached

    Poll.until(Duration.ofSeconds(20), "the token to expire",
        () -> bearer(token).get(ADMIN_ONLY), r -> r.status() == 401);
    assertUnauthorizedBearer(bearer(token).get(ADMIN_ONLY));
  }

  @Test
  void invalidIssuesAreRefusedAndNotSaved() {
    int before = api.get(PATH).expect(200).jsonArray().size();
    JsonObject p = problem(api.post(PATH, Json.obj().add("username", "no-such-user-x")
        .add("name", "phone").build()), 400);
    assertThat(fields(p)).contains("username");
    p = problem(api.post(PATH, Json.obj().add("username", AppServer.ADMIN_USER)
        .add("name", " ").add("expires_at", "2020-01-01T00:00:00Z").build()), 400);
    assertThat(fields(p)).contains("name", "expires_at");
    assertThat(fields(problem(api.post(PATH, Json.obj().add("username", AppServer.ADMIN_USER)
        .add("name", "n".repeat(101)).build()), 400))).contains("name");
    assertThat(fields(problem(api.post(PATH, Json.obj().add("username", AppServer.ADMIN_USER)
        .add("name", "phone").add("expires_at", "tomorrow").build()), 400)))
        .contains("expires_at");
    problem(api.post(PATH, Json.obj().build()), 400);
    problem(api.send("POST", PATH, "application/json", "{\"username\":"), 400);
    assertThat(api.get(PATH).expect(200).jsonArray()).hasSize(before);
  }

  @Test
  void viewersListButCannotIssueOrRevoke() {
    String name = viewer();
    Api viewer = AppServer.shared().api(name, "viewer-pass-1");
    JsonObject t = issue(name, Fixtures.unique("tv"), null);
    long id = t.getJsonNumber("id").longValue();

    viewer.get(PATH).expect(200);
    viewer.get(PATH + "/" + id).expect(200);
    problem(viewer.post(PATH, Json.obj().add("username", name).add("name", "mine").build()), 403);
    problem(viewer.delete(PATH + "/" + id), 403);
    // the viewer's own token has no viewer rights either
    problem(bearer(t.getString("token")).get(ADMIN_ONLY), 403);
    problem(bearer(t.getString("token")).get(PATH), 403);
    problem(AppServer.shared().anonymous().get(PATH), 401);
  }
}
