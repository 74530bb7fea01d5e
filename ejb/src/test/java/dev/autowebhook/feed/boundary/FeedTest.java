package dev.autowebhook.feed.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FeedTest {

  /** What the feed wrote before it spliced: the envelope parsed, the cursor set, written again. */
  static String reparsed(String payload, long seq) {
    JsonObject o = Json.createReader(new StringReader(payload)).readObject();
    return Json.createObjectBuilder(o).add("cursor", Long.toString(seq)).build().toString();
  }

  static String envelope() {
    return Json.createObjectBuilder().add("id", "evt_1").add("model", "res.partner")
        .add("record_id", 7).add("event", "update").add("timestamp", "2026-11-28T10:00:00.123Z")
        .add("priority", "medium").addNull("category")
        .add("data", Json.createObjectBuilder().add("name", "Ünï \"q\" \\ / \t\n\u0001 € 😀")
            .add("amount", new BigDecimal("1.0E+10")).add("d", 12.5).addNull("none")
            .add("list", Json.createArrayBuilder().add(1).add(Json.createObjectBuilder()))
            .add("empty", Json.createObjectBuilder()).add("active", true))
        .add("changes", Json.createObjectBuilder().add("name", Json.createObjectBuilder()
            .addNull("old").add("new", "a}")))
        .build().toString();
  }

  @Test
  void anEnvelopeAsTheOutboxWritesItComesOutAsItDidWhenItWasParsed() {
    String payload = envelope();
    assertThat(Feed.withCursor(payload, 42)).isEqualTo(reparsed(payload, 42))
        .endsWith(",\"cursor\":\"42\"}");
  }

  @Test
  void surroundingWhitespaceAndAnEmptyObjectStayValidJson() {
    assertThat(Feed.withCursor(" {\"a\":1}\n", 3)).isEqualTo("{\"a\":1,\"cursor\":\"3\"}");
    assertThat(Feed.withCursor("{}", 3)).isEqualTo("{\"cursor\":\"3\"}");
    assertThat(Feed.withCursor("{ \n}", 3)).isEqualTo("{ \n\"cursor\":\"3\"}");
    String spaced = "{ \"a\" : [1, 2] , \"b\": {\"c\": null} }";
    assertThat(Json.createReader(new StringReader(Feed.withCursor(spaced, 9))).readObject())
        .isEqualTo(Json.createReader(new StringReader(reparsed(spaced, 9))).readObject());
  }

  @Test
  void aCursorAlreadyInTheEnvelopeIsReplacedInPlaceNotRepeated() {
    assertThat(Feed.withCursor("{\"cursor\":\"1\",\"a\":2}", 5))
        .isEqualTo("{\"cursor\":\"5\",\"a\":2}");
    String nested = "{\"data\":{\"cursor\":\"x\"}}";
    assertThat(Feed.withCursor(nested, 5)).isEqualTo(reparsed(nested, 5));
  }

  @Test
  void aPayloadThatIsNoObjectFailsAsBefore() {
    assertThatThrownBy(() -> Feed.withCursor("[1]", 1)).isInstanceOf(JsonException.class);
    assertThatThrownBy(() -> Feed.withCursor("", 1)).isInstanceOf(JsonException.class);
  }
}
