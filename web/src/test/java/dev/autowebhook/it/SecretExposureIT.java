package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.ApiResponse;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Browser;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Poll;
import dev.autowebhook.it.support.Postgres;
import dev.autowebhook.it.support.ReadAll;
import dev.autowebhook.it.support.Receiver;
import dev.autowebhook.it.support.Secrets;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * No secret anywhere it could be read back: everything that holds a secret is created through the
 * API (subscribers with a bearer token, an api key under a header name that does not look secret,
 * a basic password, custom headers, a rotated signing secret; a user with a password; an API token
 * that is then used), deliveries go out (to a loopback receiver and to the built-in inbox, so
 * attempts and inbox messages with request headers exist), a connection test, a config export and
 * a master key rotation run. Then every GET of the admin and sync API (every GET operation of the
 * OpenAPI document, with the ids of what was created), every text column of every row of every
 * table of the database, and the HTML of the admin pages showing those objects are searched for
 * the plain values — and for the basic credentials in their Base64 form. By design the answers to
 * the creating calls (subscriber create, rotate-secret, token issue) hold the new secret once; they
 * are not searched, every later read is.
 */
class SecretExposureIT {

  static final Duration WAIT = Duration.ofSeconds(60);
  /** The parameters of the list operations, so that this test's objects are on the page. */
  static final int LIMIT = 500;

  AppServer server;
  Api api;
  Fixtures fx;
  Receiver receiver;
  final List<Long> tokens = new ArrayList<>();
  final List<Long> templates = new ArrayList<>();

  @BeforeEach
  void setUp() {
    server = AppServer.shared();
    api = server.admin();
    fx = new Fixtures(api);
    receiver = Receiver.start();
  }

  @AfterEach
  void tearDown() {
    tokens.forEach(id -> api.delete("/api/v1/admin/tokens/" + id));
    templates.forEach(id -> api.delete("/api/v1/admin/templates/" + id));
    fx.close();
    receiver.close();
  }

  @Test
  void noSecretInAnyApiResponseDatabaseColumnOrAdminPage() throws Exception {
    long t0 = System.nanoTime();
    Instant since = Instant.now().minusSeconds(2);
    Map<String, String> secrets = new LinkedHashMap<>(); // value -> what it is
    String inbox = server.baseUrl() + "/api/v1/inbox";

    // a bearer token and a custom header, to the receiver; the signing secret rotated
    String token = secret("tok");
    String tenant = secret("tenant");
    String receiverPath = Receiver.newPath();
    JsonObject bearer = fx.subscriber(receiver.url(receiverPath), Json.obj()
        .add("auth_type", "bearer").add("auth_token", token)
        .add("custom_headers", Json.obj().add("X-Tenant-Ref", tenant)));
    long bearerId = bearer.getJsonNumber("id").longValue();
    String rotated = api.post("/api/v1/admin/subscribers/" + bearerId + "/rotate-secret",
        Json.obj().add("grace_seconds", 3600).build()).expect(200).json()
        .getString("signing_secret");
    secrets.put(token, "auth_token");
    secrets.put(tenant, "custom header X-Tenant-Ref");
    secrets.put(bearer.getString("signing_secret"), "signing secret (rotated out)");
    secrets.put(rotated, "signing secret (rotated in)");

    // an api key under an innocent header name and a custom header, to the inbox
    String apiKey = secret("key");
    String route = secret("route");
    JsonObject keyed = fx.subscriber(inbox, Json.obj().add("auth_type", "api_key")
        .add("api_key", apiKey).add("api_key_header", "X-Client-Ref")
        .add("custom_headers", Json.obj().add("X-Route", route)));
    long keyedId = keyed.getJsonNumber("id").longValue();
    secrets.put(apiKey, "api_key");
    secrets.put(route, "custom header X-Route");
    secrets.put(keyed.getString("signing_secret"), "signing secret");

    // a basic password (and a stored bearer token it does not use), to the receiver (the inbox
    // would take the credentials for a login)
    String password = secret("pw");
    String unusedToken = secret("spare");
    JsonObject basic = fx.subscriber(receiver.url(Receiver.newPath()), Json.obj()
        .add("auth_type", "basic").add("basic_username", "hooks").add("basic_password", password)
        .add("auth_token", unusedToken));
    long basicId = basic.getJsonNumber("id").longValue();
    String basicCredentials = Base64.getEncoder().encodeToString(
        ("hooks:" + password).getBytes(StandardCharsets.UTF_8));
    secrets.put(password, "basic_password");
    secrets.put(unusedToken, "auth_token (unused)");
    secrets.put(basicCredentials, "basic credentials, Base64");
    secrets.put(basic.getString("signing_secret"), "signing secret");

    // a user with a password, and an API token of hers that is used
    String user = Fixtures.unique("exposed");
    String userPassword = secret("upw");
    api.post("/api/v1/admin/users", Json.obj().add("username", user).add("password", userPassword)
        .add("role", "webhook-viewer").build()).expect(201);
    JsonObject issued = api.post("/api/v1/admin/tokens", Json.obj().add("username", user)
        .add("name", "phone").build()).expect(201).json();
    long tokenId = issued.getJsonNumber("id").longValue();
    tokens.add(tokenId);
    String apiToken = issued.getString("token");
    secrets.put(userPassword, "user password");
    secrets.put(apiToken, "API token");
    secrets.put(AppServer.ADMIN_PASSWORD, "admin password");
    Path masterKey = Postgres.workDir().resolve("data").resolve("master.key");
    if (Files.exists(masterKey)) {
      secrets.put(Files.readString(masterKey).trim(), "master key (data/master.key)");
    }
    secrets.keySet().forEach(Secrets::record); // LogSecretsIT checks the logs for them too

    Api client = server.anonymous().header("Authorization", "Bearer " + apiToken);
    long device = client.post("/api/v1/webhooks/sync-state", Json.obj()
        .add("device_id", Fixtures.unique("dev")).add("app_type", "manager").build())
        .expect(200).json().getJsonNumber("id").longValue();
    client.get("/api/v1/webhooks/events?limit=5").expect(200);

    // deliveries with request headers, a connection test, a template, an export, a rotation run
    for (long id : List.of(bearerId, keyedId, basicId)) {
      fx.attach("res.partner", id);
    }
    long partner = fx.partner(Fixtures.unique("Exposed"));
    List<Long> deliveries = new ArrayList<>();
    for (long id : List.of(bearerId, keyedId, basicId)) {
      deliveries.add(fx.awaitDelivery(id, "sent", WAIT).getJsonNumber("id").longValue());
    }
    assertThat(receiver.requests(receiverPath).get(0).header("x-tenant-ref")).isEqualTo(tenant);
    String summary = "res.partner " + partner + " · create";
    api.post("/api/v1/admin/subscribers/" + keyedId + "/test", "").expect(200);
    JsonObject template = api.post("/api/v1/admin/templates", Json.obj()
        .add("name", Fixtures.unique("tpl")).add("body", TemplatesIT.BODY).build())
        .expect(201).json();
    templates.add(template.getJsonNumber("id").longValue());
    assertThat(api.get("/api/v1/admin/config-export").expect(200).body())
        .contains(keyed.getString("name"));
    JsonObject run = api.post("/api/v1/admin/jobs/master-key-rotation/executions", "{}")
        .expect(202).json();
    long runId = run.getJsonNumber("id").longValue();
    Poll.until(WAIT, "master-key-rotation completed",
        () -> api.get("/api/v1/admin/job-executions/" + runId).expect(200).json()
            .getString("status"), "completed"::equals);
    long created = System.nanoTime();

    // 1. every GET of the admin and sync API
    long configId = fx.config("res.partner").getJsonNumber("id").longValue();
    long templateId = template.getJsonNumber("id").longValue();
    String after = URLEncoder.encode(since.toString(), StandardCharsets.UTF_8);
    ReadAll reads = new ReadAll()
        .id("/api/v1/admin/subscribers/{id}", bearerId, keyedId, basicId)
        .id("/api/v1/admin/events/{id}", deliveries.toArray())
        .id("/api/v1/admin/events/{id}/attempts", deliveries.toArray())
        .id("/api/v1/admin/configs/{id}", configId)
        .id("/api/v1/admin/templates/{id}", templateId)
        .id("/api/v1/admin/tokens/{id}", tokenId)
        .id("/api/v1/admin/job-executions/{id}", runId)
        .id("/api/v1/webhooks/sync-state/{id}", device)
        .query("/api/v1/admin/events", "?limit=" + LIMIT + "&since=" + after)
        .query("/api/v1/admin/audit", "?limit=" + LIMIT + "&since=" + after)
        .query("/api/v1/admin/inbox", "?limit=" + LIMIT)
        .query("/api/v1/admin/job-executions", "?limit=200")
        .query("/api/v1/webhooks/events", "?limit=" + LIMIT)
        .pageId("subscriber.xhtml", bearerId, keyedId, basicId)
        .pageId("event.xhtml", deliveries.toArray())
        .pageId("config.xhtml", configId)
        .pageId("template.xhtml", templateId);
    Map<String, String> texts = new TreeMap<>();
    for (String url : reads.apiUrls(server, path -> path.startsWith("/api/v1/admin/")
        || path.startsWith("/api/v1/webhooks/"))) {
      ApiResponse r = (url.startsWith("/api/v1/admin/") ? api : client).get(url);
      assertThat(r.status()).as("GET %s", url).isEqualTo(200);
      texts.put("GET " + url, r.body());
    }
    for (long id : List.of(bearerId, keyedId, basicId)) {
      String url = "/api/v1/admin/events?limit=" + LIMIT + "&subscriber_id=" + id;
      texts.put("GET " + url, api.get(url).expect(200).body());
    }
    String url = "/api/v1/admin/tokens?username=" + user;
    texts.put("GET " + url, api.get(url).expect(200).body());
    assertThat(texts).as("API reads").containsKeys("GET /api/v1/admin/config-export",
        "GET /api/v1/admin/users", "GET /api/v1/admin/jobs", "GET /api/v1/admin/inbox?limit=500",
        "GET /api/v1/admin/subscribers/" + basicId, "GET /api/v1/admin/events/" + deliveries.get(0)
            + "/attempts");
    assertThat(String.join("\n", texts.values())).as("the reads show this test's objects")
        .contains("X-Tenant-Ref", "X-Client-Ref", "X-Route", "\"username\":\"" + user + "\"",
            "hooks", keyed.getString("name"));
    int apiReads = texts.size();
    long apiDone = System.nanoTime();

    // 2. every text column of every row of every table of the application's database
    int columns = 0;
    long values = 0;
    List<String> seen = new ArrayList<>();
    String dbUrl = server.env().get("AUTOWEBHOOK_DB_URL");
    try (Connection c = Postgres.instance().connect(dbUrl.substring(dbUrl.lastIndexOf('/') + 1));
        Statement st = c.createStatement()) {
      Map<String, List<String>> textColumns = new TreeMap<>();
      try (ResultSet rs = st.executeQuery("SELECT table_name, column_name FROM"
          + " information_schema.columns WHERE table_schema = current_schema() AND data_type IN"
          + " ('text', 'character varying', 'character', 'json', 'jsonb', 'xml', 'bytea')"
          + " ORDER BY table_name, ordinal_position")) {
        while (rs.next()) {
          textColumns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
      for (Map.Entry<String, List<String>> t : textColumns.entrySet()) {
        for (String column : t.getValue()) {
          columns++;
          seen.add(t.getKey() + "." + column);
          StringBuilder all = new StringBuilder();
          try (ResultSet rs = st.executeQuery("SELECT \"" + column + "\" FROM \"" + t.getKey()
              + "\"")) {
            while (rs.next()) {
              byte[] raw = rs.getBytes(1);
              if (raw != null) {
                values++;
                all.append(new String(raw, StandardCharsets.UTF_8)).append('\n');
              }
            }
          }
          texts.put("column " + t.getKey() + "." + column, all.toString());
        }
      }
    }
    assertThat(seen).as("text columns read").contains("aw_subscriber.auth_token",
        "aw_subscriber.custom_headers", "aw_attempt.request_headers", "aw_inbox.headers",
        "aw_audit.detail", "aw_user.password_hash", "aw_api_token.token_hash", "aw_delivery.body",
        "aw_event.payload");
    long dbDone = System.nanoTime();

    // 3. the admin pages that show these objects
    int pages = 0;
    try (Browser b = Browser.open(server)) {
      b.loginAsAdmin();
      for (String view : reads.adminPages()) {
        ReadAll.Page page = ReadAll.open(b, view);
        assertThat(page.problem()).as("page %s", view).isNull();
        texts.put("page " + view, page.source());
        pages++;
      }
      // the inbox with the rows of this test's deliveries expanded (headers and body)
      b.go("/admin/inbox.xhtml");
      b.waitText(By.id("inbox:table"), summary);
      By togglers = By.xpath("//tr[td[contains(., '" + summary + "')]]//*[contains(@class,"
          + " 'ui-row-toggler')]");
      int rows = b.findAll(togglers).size();
      assertThat(rows).as("inbox rows of the partner").isGreaterThanOrEqualTo(2);
      for (int i = 0; i < rows; i++) {
        WebElement toggler = b.findAll(togglers).get(i);
        toggler.click();
        b.waitAjax();
      }
      Poll.until(WAIT, "the expanded inbox rows", () -> b.driver().getPageSource(),
          html -> html.contains("x-route"));
      texts.put("page /admin/inbox.xhtml (expanded)", b.driver().getPageSource());
      pages++;
    }
    assertThat(texts.get("page /admin/event.xhtml?id=" + deliveries.get(0)))
        .as("the attempt's request headers are on the page").contains("X-Tenant-Ref");
    assertThat(texts.get("page /admin/jobs.xhtml")).as("the Jobs page lists the rotation and"
        + " shows its outcome").contains("master-key-rotation", "COMPLETED: re-encrypted");
    long uiDone = System.nanoTime();

    // none of them holds a secret
    List<String> leaks = new ArrayList<>();
    texts.forEach((where, text) -> secrets.forEach((value, what) -> {
      if (text.contains(value)) {
        leaks.add(where + " contains the " + what);
      }
    }));
    System.out.printf("[it] SecretExposureIT: %d secrets searched in %d API reads, %d values of"
            + " %d text columns, %d admin pages; setup %.1f s, API %.1f s, database %.1f s,"
            + " UI %.1f s%n", secrets.size(), apiReads, values, columns, pages,
        (created - t0) / 1e9, (apiDone - created) / 1e9, (dbDone - apiDone) / 1e9,
        (uiDone - dbDone) / 1e9);
    assertThat(leaks).as("secrets readable after they were saved").isEmpty();
  }

  static String secret(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().replace("-", "");
  }
}
