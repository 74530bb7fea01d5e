package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.ApiResponse;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Receiver;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built-in inbox is locked: it stores a request only if its Standard Webhooks signature
 * verifies with the current (or, during the grace of a rotation, the previous) secret of a
 * subscriber that points at it, within 5 minutes; everything else is a 401 problem and nothing
 * is stored. (That the default subscriber's real deliveries arrive is
 * {@link DeliveryIT#theDefaultSubscriberDeliversToTheBuiltInInbox}.) Requests are signed with
 * the Standard Webhooks library.
 */
class InboxIT extends DeliveryTestBase {

  @Test
  void onlyRequestsSignedForASubscriberOfTheInboxWithinFiveMinutesAreStored() {
    Api anonymous = server.anonymous();
    String secret = fx.subscriber(server.baseUrl() + "/api/v1/inbox", null)
        .getString("signing_secret");
    String elsewhere = fx.subscriber(receiver.url(Receiver.newPath()), null)
        .getString("signing_secret");
    long now = Instant.now().getEpochSecond();
    double refusedBefore = refusedCount();

    String marker = Fixtures.unique("inbox-lock");
    String body = Json.obj().add("event", "create").add("marker", marker).build().toString();
    String forged = Json.obj().add("event", "create").add("marker", marker + "-forged").build()
        .toString();
    List<ApiResponse> refused = List.of(
        // unsigned
        anonymous.send("POST", "/api/v1/inbox", "application/json", body),
        // the signature of another body
        anonymous.header("webhook-id", "msg_" + marker)
            .header("webhook-timestamp", Long.toString(now))
            .header("webhook-signature", Fixtures.inboxSignature(secret, "msg_" + marker,
                now, forged))
            .send("POST", "/api/v1/inbox", "application/json", body),
        // made up
        anonymous.header("webhook-id", "msg_" + marker)
            .header("webhook-timestamp", Long.toString(now))
            .header("webhook-signature", "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=")
            .send("POST", "/api/v1/inbox", "application/json", body),
        // signed right, 6 minutes ago
        Fixtures.postToInbox(anonymous, secret, "msg_" + marker, now - 360, body),
        // signed right, with the secret of a subscriber that does not point at the inbox
        Fixtures.postToInbox(anonymous, elsewhere, "msg_" + marker, now, body));
    for (ApiResponse r : refused) {
      r.expect(401);
      assertThat(r.header("Content-Type")).startsWith("application/problem+json");
      assertThat(r.json().getString("detail"))
          .isEqualTo("The webhook signature is missing, invalid or outside the 5-minute"
              + " tolerance; nothing was stored");
    }
    assertThat(stored(marker)).as("nothing refused was stored").isEmpty();
    assertThat(refusedCount()).as("autowebhook_inbox_refused_total")
        .isGreaterThanOrEqualTo(refusedBefore + refused.size());

    long id = Fixtures.postToInbox(anonymous, secret, "msg_" + marker, now, body).expect(200)
        .json().getJsonNumber("received").longValue();
    List<JsonObject> stored = stored(marker);
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0).getJsonNumber("id").longValue()).isEqualTo(id);
    assertThat(stored.get(0).getBoolean("signature_valid")).isTrue();
  }

  @Test
  void afterARotationThePreviousSecretSignsDuringTheGrace() {
    Api anonymous = server.anonymous();
    JsonObject s = fx.subscriber(server.baseUrl() + "/api/v1/inbox", null);
    String previous = s.getString("signing_secret");
    String current = api.post("/api/v1/admin/subscribers/" + s.getJsonNumber("id")
        + "/rotate-secret", Json.obj().add("grace_seconds", 600).build()).expect(200).json()
        .getString("signing_secret");
    assertThat(current).isNotEqualTo(previous);
    long now = Instant.now().getEpochSecond();
    String marker = Fixtures.unique("inbox-rotated");

    Fixtures.postToInbox(anonymous, previous, "msg_" + marker + "-previous", now,
        "{\"marker\":\"" + marker + "-previous\"}").expect(200);
    Fixtures.postToInbox(anonymous, current, "msg_" + marker + "-current", now,
        "{\"marker\":\"" + marker + "-current\"}").expect(200);
    assertThat(stored(marker)).hasSize(2);

    // without grace the previous secret stops signing at once
    String third = api.post("/api/v1/admin/subscribers/" + s.getJsonNumber("id")
        + "/rotate-secret", Json.obj().add("grace_seconds", 0).build()).expect(200).json()
        .getString("signing_secret");
    Fixtures.postToInbox(anonymous, current, "msg_" + marker + "-old", now,
        "{\"marker\":\"" + marker + "-old\"}").expect(401);
    Fixtures.postToInbox(anonymous, third, "msg_" + marker + "-third", now,
        "{\"marker\":\"" + marker + "-third\"}").expect(200);
    assertThat(stored(marker)).hasSize(3);
  }

  /** What {@code /metrics} says the inbox refused so far (0 before the first refusal). */
  double refusedCount() {
    for (String line : server.anonymous().get("/metrics").expect(200).body().split("\n")) {
      if (line.startsWith("autowebhook_inbox_refused_total ")) {
        return Double.parseDouble(line.substring(line.indexOf(' ') + 1).trim());
      }
    }
    return 0;
  }

  /** The inbox messages whose body carries {@code marker}. */
  List<JsonObject> stored(String marker) {
    return api.get("/api/v1/admin/inbox?limit=500").expect(200).jsonArray().stream()
        .map(JsonValue::asJsonObject).filter(m -> m.getString("body").contains(marker)).toList();
  }
}
