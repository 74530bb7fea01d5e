package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sync clients authenticate with API tokens and see and move only their own devices: another
 * user's device is 403 everywhere (read, feed, ack, reset, deactivate, list); viewers read every
 * device but change none; admins do everything.
 */
class SyncOwnershipIT {

  final Api admin = AppServer.shared().admin();
  final List<Long> tokens = new ArrayList<>();

  @AfterEach
  void revoke() {
    tokens.forEach(id -> admin.delete("/api/v1/admin/tokens/" + id));
  }

  /** A new sync-client user and a token bound to it. */
  Api client(String prefix) {
    String user = Fixtures.unique(prefix);
    admin.post("/api/v1/admin/users", Json.obj().add("username", user)
        .add("password", "client-pass-1").add("role", "sync-client").build()).expect(201);
    JsonObject t = admin.post("/api/v1/admin/tokens", Json.obj().add("username", user)
        .add("name", "phone").build()).expect(201).json();
    tokens.add(t.getJsonNumber("id").longValue());
    return AppServer.shared().anonymous().header("Authorization", "Bearer " + t.getString("token"));
  }

  static long register(Api api, String device) {
    return api.post("/api/v1/webhooks/sync-state", Json.obj().add("device_id", device)
        .add("app_type", "sales").build()).expect(200).json().getJsonNumber("id").longValue();
  }

  @Test
  void aClientSeesAndMovesOnlyItsOwnDevices() {
    Api alice = client("alice");
    Api bob = client("bob");
    long aliceDevice = register(alice, "a-phone");
    long bobDevice = register(bob, "b-phone");
    String base = "/api/v1/webhooks/sync-state/";

    alice.get(base + aliceDevice).expect(200);
    alice.get("/api/v1/webhooks/events?device_id=" + aliceDevice).expect(200);
    JsonObject acked = alice.post(base + aliceDevice + "/ack", Json.obj().add("cursor", "0")
        .build()).expect(200).json();
    assertThat(acked.getJsonNumber("sync_count").longValue()).isEqualTo(1);
    List<String> mine = new ArrayList<>();
    for (JsonValue v : alice.get("/api/v1/webhooks/sync-state").expect(200).jsonArray()) {
      mine.add(v.asJsonObject().getString("device_id"));
    }
    assertThat(mine).containsExactly("a-phone");

    ValidationIT.problem(alice.get(base + bobDevice), 403);
    ValidationIT.problem(alice.get("/api/v1/webhooks/events?device_id=" + bobDevice), 403);
    ValidationIT.problem(alice.post(base + bobDevice + "/ack", Json.obj().add("cursor", "0")
        .build()), 403);
    ValidationIT.problem(alice.post(base + bobDevice + "/reset", "{}"), 403);
    ValidationIT.problem(alice.post(base + bobDevice + "/deactivate", ""), 403);
    JsonObject bobState = admin.get(base + bobDevice).expect(200).json();
    ValidationIT.problem(alice.get("/api/v1/webhooks/sync-state?username="
        + bobState.getString("username")), 403);
    assertThat(admin.get(base + bobDevice).expect(200).json().getJsonNumber("sync_count")
        .longValue()).as("bob's device untouched").isZero();

    ValidationIT.problem(alice.get("/api/v1/admin/subscribers"), 403);
    ValidationIT.problem(AppServer.shared().anonymous().get("/api/v1/webhooks/events"), 401);
    ValidationIT.problem(AppServer.shared().anonymous()
        .header("Authorization", "Bearer awt_not-a-real-token").get("/api/v1/webhooks/events"),
        401);

    admin.post(base + bobDevice + "/deactivate", "").expect(200);
    assertThat(admin.get("/api/v1/webhooks/sync-state?username=" + bobState.getString("username"))
        .expect(200).jsonArray()).hasSize(1);
  }

  @Test
  void viewersReadEveryDeviceButChangeNone() {
    Api carol = client("carol");
    long device = register(carol, "c-phone");
    String viewer = Fixtures.unique("sview");
    admin.post("/api/v1/admin/users", Json.obj().add("username", viewer)
        .add("password", "viewer-pass-1").add("role", "webhook-viewer").build()).expect(201);
    Api v = AppServer.shared().api(viewer, "viewer-pass-1");

    v.get("/api/v1/webhooks/sync-state/" + device).expect(200);
    v.get("/api/v1/webhooks/sync-state/stats").expect(200);
    v.get("/api/v1/webhooks/events?limit=5").expect(200);
    ValidationIT.problem(v.post("/api/v1/webhooks/sync-state/" + device + "/ack",
        Json.obj().add("cursor", "0").build()), 403);
    ValidationIT.problem(v.post("/api/v1/webhooks/sync-state/" + device + "/deactivate", ""),
        403);
    ValidationIT.problem(v.post("/api/v1/webhooks/sync-state", Json.obj()
        .add("device_id", "v-phone").build()), 403);
  }
}
