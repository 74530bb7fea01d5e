package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Poll;
import dev.autowebhook.it.support.Postgres;
import dev.autowebhook.it.support.Receiver;
import dev.autowebhook.it.support.Receiver.Received;
import dev.autowebhook.it.support.Secrets;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The documented master key rotation on a server and database of its own: subscribers with every
 * kind of secret are created under key A (one value is even of the first, {@code v1:} format, as
 * the release before the key ring wrote it); the server restarts with key B and the previous key
 * A, and deliveries to a loopback receiver are still signed with the same secrets (both, during a
 * signing secret's grace period) and carry the same credentials; the {@code master-key-rotation}
 * job, started as README documents it, fails on a value no key opens without changing anything,
 * and once that is fixed its restart re-encrypts every secret (the exit status says how many),
 * after which the raw table holds only values under B's key id and no plain text; a restart with
 * key B alone still delivers. All three starts are needed: the data must be written by a server
 * under key A, and the last start is the proof that key A is no longer needed.
 */
class MasterKeyRotationIT {

  static final Duration WAIT = Duration.ofSeconds(60);
  static final List<String> SECRET_COLUMNS = List.of("auth_token", "api_key", "basic_password",
      "custom_headers", "signing_secret", "previous_secret");

  AppServer server;
  Receiver receiver;

  @AfterEach
  void tearDown() {
    if (server != null) {
      server.stop();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  /** One subscriber of the test: where it receives and what it must send. */
  record Sub(long id, String path, Map<String, String> headers, List<String> signingSecrets) {}

  @Test
  void rotatingTheMasterKeyKeepsEverySecretAndLeavesOnlyTheNewKeyInTheDatabase() throws Exception {
    long t0 = System.nanoTime();
    Postgres pg = Postgres.instance();
    String db = "keyrot_" + System.nanoTime();
    String url = pg.createDatabase(db);
    String keyA = "it-master-key-A-" + UUID.randomUUID();
    String keyB = "it-master-key-B-" + UUID.randomUUID();
    String idA = keyId(keyA);
    String idB = keyId(keyB);
    receiver = Receiver.start();

    // 1. key A: subscribers with a bearer token, a basic password, an api key, custom headers
    server = AppServer.builder("keyrot").database(url, pg.user(), pg.password())
        .env("AUTOWEBHOOK_MASTER_KEY", keyA).build().start();
    int port = server.port();
    long started = System.nanoTime();
    Api api = server.admin();
    Fixtures fx = new Fixtures(api);
    String token = secret("tok");
    String tenant = secret("hdr");
    String password = secret("pw");
    String route = secret("route");
    String apiKey = secret("key");
    Secrets.record(tenant);
    Secrets.record(route);
    List<Sub> subs = new ArrayList<>();

    String bearerPath = Receiver.newPath();
    JsonObject bearer = fx.subscriber(receiver.url(bearerPath), Json.obj()
        .add("auth_type", "bearer").add("auth_token", token)
        .add("custom_headers", Json.obj().add("X-Tenant-Ref", tenant)));
    long bearerId = bearer.getJsonNumber("id").longValue();
    String firstSecret = bearer.getString("signing_secret");
    String rotatedSecret = api.post("/api/v1/admin/subscribers/" + bearerId + "/rotate-secret",
        Json.obj().add("grace_seconds", 86400).build()).expect(200).json()
        .getString("signing_secret");
    subs.add(new Sub(bearerId, bearerPath, Map.of("authorization", "Bearer " + token,
        "x-tenant-ref", tenant), List.of(rotatedSecret, firstSecret)));

    String basicPath = Receiver.newPath();
    JsonObject basic = fx.subscriber(receiver.url(basicPath), Json.obj()
        .add("auth_type", "basic").add("basic_username", "hooks").add("basic_password", password)
        .add("custom_headers", Json.obj().add("X-Route", route)));
    String basicHeader = "Basic " + Base64.getEncoder().encodeToString(
        ("hooks:" + password).getBytes(StandardCharsets.UTF_8));
    Secrets.record(basicHeader.substring(6));
    subs.add(new Sub(basic.getJsonNumber("id").longValue(), basicPath,
        Map.of("authorization", basicHeader, "x-route", route),
        List.of(basic.getString("signing_secret"))));

    String keyPath = Receiver.newPath();
    JsonObject keyed = fx.subscriber(receiver.url(keyPath), Json.obj()
        .add("auth_type", "api_key").add("api_key", apiKey).add("api_key_header", "X-Client-Ref"));
    long keyedId = keyed.getJsonNumber("id").longValue();
    subs.add(new Sub(keyedId, keyPath, Map.of("x-client-ref", apiKey),
        List.of(keyed.getString("signing_secret"))));
    for (Sub s : subs) {
      fx.attach("res.partner", s.id());
    }
    List<String> plain = List.of(token, tenant, password, route, apiKey, firstSecret,
        rotatedSecret, basic.getString("signing_secret"), keyed.getString("signing_secret"),
        basicHeader.substring(6));

    Map<String, List<String>> underA = secretValues(db);
    assertThat(underA.values().stream().flatMap(List::stream))
        .as("every secret of the first start under key A").isNotEmpty()
        .allSatisfy(v -> assertThat(v).startsWith("v2:" + idA + ":"));
    deliverAndCheck(api, subs, "under key A");
    server.stop();
    System.out.printf("[it] key A phase %.1f s%n", (System.nanoTime() - started) / 1e9);

    // the api key as the release before the key ring stored it: v1, no key id
    try (Connection c = pg.connect(db); PreparedStatement ps = c.prepareStatement(
        "UPDATE aw_subscriber SET api_key = ? WHERE id = ?")) {
      ps.setString(1, legacyV1(keyA, apiKey));
      ps.setLong(2, keyedId);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }

    // 2. key B, key A as the previous one: everything still readable
    server = AppServer.builder("keyrot").database(url, pg.user(), pg.password()).port(port)
        .env("AUTOWEBHOOK_MASTER_KEY", keyB).env("AUTOWEBHOOK_MASTER_KEY_PREVIOUS", keyA)
        .build().start();
    started = System.nanoTime();
    api = server.admin();
    deliverAndCheck(api, subs, "under key B with the previous key A");
    long stale = secretValues(db).values().stream().flatMap(List::stream)
        .filter(v -> !v.startsWith("v2:" + idB + ":")).count();
    // the default subscriber's signing secret; bearer: token, headers, secret, previous secret;
    // basic: password, headers, secret; api key: key, secret
    assertThat(stale).as("values not under key B before the job").isEqualTo(10);
    assertThat(api.get("/api/v1/admin/jobs").expect(200).jsonArray())
        .extracting(v -> v.asJsonObject().getString("name")).contains("master-key-rotation");

    // a value no key opens (here: under a third key) fails the job, and nothing is changed
    String spareSecret = secret("spare");
    JsonObject spare = fx.subscriber(receiver.url(Receiver.newPath()), Json.obj()
        .add("auth_type", "bearer").add("auth_token", spareSecret));
    long spareId = spare.getJsonNumber("id").longValue();
    String spareToken = secretValues(db).get(spareId + ".auth_token").get(0);
    setAuthToken(db, spareId, legacyV1("it-master-key-C-" + UUID.randomUUID(), "unreadable"));
    JsonObject failed = runRotation(api);
    assertThat(failed.getString("status")).isEqualTo("failed");
    assertThat(failed.getString("exit_status")).startsWith("FAILED: aw_subscriber id " + spareId
        + ", column auth_token: A stored secret cannot be decrypted:")
        .contains("wrong AUTOWEBHOOK_MASTER_KEY?");
    assertThat(secretValues(db).values().stream().flatMap(List::stream)
        .filter(v -> !v.startsWith("v2:" + idB + ":")).count())
        .as("the failed chunk changed nothing").isEqualTo(stale + 1);

    // fixed (here: the value put back), the execution restarts and completes
    setAuthToken(db, spareId, spareToken);
    JsonObject restarted = api.post("/api/v1/admin/job-executions/" + failed.getJsonNumber("id")
        + "/restart", "").expect(202).json();
    JsonObject run = awaitEnd(api, restarted.getJsonNumber("id").longValue());
    assertThat(run.getString("status")).isEqualTo("completed");
    assertThat(run.getString("exit_status"))
        .isEqualTo("COMPLETED: re-encrypted " + stale + " secrets under master key id " + idB);
    assertThat(run.getJsonArray("steps").get(0).asJsonObject().getString("exit_status"))
        .isEqualTo(run.getString("exit_status"));
    Map<String, List<String>> underB = secretValues(db);
    assertThat(underB.values().stream().flatMap(List::stream))
        .as("every secret column of every row under key B").hasSize(10 + 2)
        .allSatisfy(v -> assertThat(v).startsWith("v2:" + idB + ":"));
    assertThat(underB.keySet()).containsAll(underA.keySet());
    plain = new ArrayList<>(plain);
    plain.add(spareSecret);
    assertNoPlainText(db, plain);
    assertThat(api.get("/api/v1/admin/audit?action=master-key.rotate").expect(200).body())
        .contains("re-encrypted " + stale + " secrets under master key id " + idB);
    JsonObject again = runRotation(api);
    assertThat(again.getString("exit_status")).as("nothing left to do")
        .isEqualTo("COMPLETED: re-encrypted 0 secrets under master key id " + idB);
    server.stop();
    System.out.printf("[it] key B + previous A phase (with the job) %.1f s%n",
        (System.nanoTime() - started) / 1e9);

    // 3. key B alone: key A is no longer needed
    server = AppServer.builder("keyrot").database(url, pg.user(), pg.password()).port(port)
        .env("AUTOWEBHOOK_MASTER_KEY", keyB).build().start();
    started = System.nanoTime();
    deliverAndCheck(server.admin(), subs, "under key B alone");
    assertThat(server.admin().get("/api/v1/admin/subscribers/" + bearerId).expect(200).json()
        .getBoolean("has_auth_token")).isTrue();
    assertNoPlainText(db, plain);
    fx.close();
    System.out.printf("[it] key B phase %.1f s; MasterKeyRotationIT %.1f s in all%n",
        (System.nanoTime() - started) / 1e9, (System.nanoTime() - t0) / 1e9);
  }

  /** A partner write reaches every subscriber signed with its secrets and with its credentials. */
  private void deliverAndCheck(Api api, List<Sub> subs, String phase) throws Exception {
    String name = Fixtures.unique("KeyRot");
    new Fixtures(api).partner(name);
    for (Sub s : subs) {
      Received r = Poll.until(WAIT, "the partner " + name + " at " + s.path() + " " + phase,
          () -> receiver.requests(s.path()).stream()
              .filter(x -> x.bodyText().contains(name)).findFirst().orElse(null),
          x -> x != null);
      assertThat(r.header("webhook-signature").split(" ")).as(phase)
          .hasSize(s.signingSecrets().size());
      for (String secret : s.signingSecrets()) {
        DeliveryIT.assertSigned(r, secret);
      }
      s.headers().forEach((h, v) -> assertThat(r.header(h)).as("%s %s", h, phase).isEqualTo(v));
    }
  }

  /**
   * Starts the job as README documents it (no body), reads the execution id the way its script
   * does (sed), and waits until the execution's body shows an end status of the job (not of a
   * step: the key after it is "steps") the way the script's grep looks for it.
   */
  private JsonObject runRotation(Api api) {
    String body = api.send("POST", "/api/v1/admin/jobs/master-key-rotation/executions", null,
        null).expect(202).body();
    long id = Long.parseLong(body.replaceAll("(?s).*\"id\":([0-9]+).*", "$1"));
    assertThat(Json.parse(body).getJsonNumber("id").longValue()).isEqualTo(id);
    assertThat(Json.parse(body).getString("job")).isEqualTo("master-key-rotation");
    return awaitEnd(api, id);
  }

  private JsonObject awaitEnd(Api api, long execution) {
    String body = Poll.until(WAIT, "master-key-rotation execution " + execution + " finished",
        () -> api.get("/api/v1/admin/job-executions/" + execution).expect(200).body(),
        b -> b.matches("(?s).*\"status\":\"(completed|failed|stopped|abandoned)\",\"steps\".*"));
    return Json.parse(body);
  }

  static void setAuthToken(String db, long subscriber, String stored) throws SQLException {
    try (Connection c = Postgres.instance().connect(db); PreparedStatement ps = c.prepareStatement(
        "UPDATE aw_subscriber SET auth_token = ? WHERE id = ?")) {
      ps.setString(1, stored);
      ps.setLong(2, subscriber);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }

  /** Each subscriber's non-null secret columns, raw, as {@code id.column -> value}. */
  static Map<String, List<String>> secretValues(String db) throws SQLException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    try (Connection c = Postgres.instance().connect(db); ResultSet rs = c.createStatement()
        .executeQuery("SELECT id, " + String.join(", ", SECRET_COLUMNS)
            + " FROM aw_subscriber ORDER BY id")) {
      while (rs.next()) {
        for (String column : SECRET_COLUMNS) {
          String v = rs.getString(column);
          if (v != null) {
            out.computeIfAbsent(rs.getLong("id") + "." + column, k -> new ArrayList<>()).add(v);
          }
        }
      }
    }
    return out;
  }

  /** No text of any column of any subscriber row contains one of the secrets. */
  static void assertNoPlainText(String db, List<String> secrets) throws SQLException {
    List<String> hits = new ArrayList<>();
    try (Connection c = Postgres.instance().connect(db); ResultSet rs = c.createStatement()
        .executeQuery("SELECT * FROM aw_subscriber")) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        for (int i = 1; i <= md.getColumnCount(); i++) {
          String v = rs.getString(i);
          for (String s : secrets) {
            if (v != null && v.contains(s)) {
              hits.add("aw_subscriber." + md.getColumnName(i) + " of row " + rs.getLong("id"));
            }
          }
        }
      }
    }
    assertThat(hits).as("plain-text secrets in aw_subscriber").isEmpty();
  }

  /** The key id SecretBox gives a master key: 8 hex of SHA-256(label + SHA-256(key)). */
  static String keyId(String masterKey) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] derived = sha.digest(masterKey.getBytes(StandardCharsets.UTF_8));
    sha.update("autowebhook master key id\n".getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha.digest(derived)).substring(0, 8);
  }

  /** A value as the release before the key ring encrypted it: {@code v1:}, no key id. */
  static String legacyV1(String masterKey, String plain) throws Exception {
    byte[] key = MessageDigest.getInstance("SHA-256")
        .digest(masterKey.getBytes(StandardCharsets.UTF_8));
    byte[] nonce = new byte[12];
    new SecureRandom().nextBytes(nonce);
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
    byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
    byte[] out = new byte[12 + ct.length];
    System.arraycopy(nonce, 0, out, 0, 12);
    System.arraycopy(ct, 0, out, 12, ct.length);
    return "v1:" + Base64.getEncoder().encodeToString(out);
  }

  static String secret(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().replace("-", "");
  }
}
