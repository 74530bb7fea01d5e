package dev.autowebhook.outbox.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.capture.entity.ChangeKind;
import dev.autowebhook.capture.entity.EntityChanged;
import dev.autowebhook.subscription.control.FilterRule;
import dev.autowebhook.subscription.control.Route;
import dev.autowebhook.subscription.entity.Priority;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutboxTest {

  private static final OffsetDateTime NOW =
      OffsetDateTime.of(2026, 1, 31, 10, 15, 7, 123_456_789, ZoneOffset.UTC);

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static Map<String, Object> change(Object old, Object now) {
    return map("old", old, "new", now);
  }

  // ---- diff

  @Test
  void onlyChangedFieldsAppear() {
    var diff = Outbox.diff(
        map("id", 1L, "name", "SO1", "state", "draft", "note", null),
        map("id", 1L, "name", "SO1", "state", "sale", "note", "hello"));

    assertThat(diff).containsExactly(
        Map.entry("state", change("draft", "sale")),
        Map.entry("note", change(null, "hello")));
  }

  @Test
  void unchangedRecordGivesNoDiff() {
    Map<String, Object> s = map("id", 1L, "name", "SO1");
    assertThat(Outbox.diff(s, new HashMap<>(s))).isEmpty();
  }

  @Test
  void numbersCompareByValue() {
    var diff = Outbox.diff(
        map("amount", new BigDecimal("1.0"), "qty", 3, "rank", 2L, "price", new BigDecimal("5")),
        map("amount", new BigDecimal("1.00"), "qty", 3L, "rank", new BigDecimal("2.000"),
            "price", new BigDecimal("5.01")));

    assertThat(diff).containsOnlyKeys("price");
    assertThat(diff.get("price")).isEqualTo(change(new BigDecimal("5"), new BigDecimal("5.01")));
  }

  @Test
  void bookkeepingFieldsAreIgnored() {
    var diff = Outbox.diff(
        map("version", 1L, "updated_at", "2026-01-01T00:00:00Z", "name", "a"),
        map("version", 2L, "updated_at", "2026-01-02T00:00:00Z", "name", "a"));

    assertThat(diff).isEmpty();
  }

  @Test
  void bookkeepingFieldsAreIgnoredNextToARealChange() {
    var diff = Outbox.diff(map("version", 1L, "name", "a"), map("version", 2L, "name", "b"));
    assertThat(diff).containsOnlyKeys("name");
  }

  @Test
  void fieldMissingBeforeIsIgnored() {
    var diff = Outbox.diff(
        map("id", 1L, "name", "a"),
        map("id", 1L, "name", "a", "lines", List.of(map("id", 10L))));

    assertThat(diff).isEmpty();
  }

  @Test
  void fieldMissingAfterIsIgnored() {
    assertThat(Outbox.diff(map("name", "a", "lines", List.of()), map("name", "a"))).isEmpty();
  }

  @Test
  void nullBeforeMakesEveryNonNullFieldAChange() {
    var diff = Outbox.diff(null, map("id", 1L, "name", "a", "note", null, "version", 0L));
    assertThat(diff).containsExactly(
        Map.entry("id", change(null, 1L)), Map.entry("name", change(null, "a")));
  }

  @Test
  void nullAfterGivesNoDiff() {
    assertThat(Outbox.diff(map("name", "a"), null)).isEmpty();
    assertThat(Outbox.diff(null, null)).isEmpty();
  }

  @Test
  void changedLineIsDetected() {
    var before = map("lines", List.of(
        map("id", 10L, "quantity", new BigDecimal("1.000"), "description", "A")));
    var after = map("lines", List.of(
        map("id", 10L, "quantity", new BigDecimal("2.000"), "description", "A")));

    var diff = Outbox.diff(before, after);

    assertThat(diff).containsOnlyKeys("lines");
    assertThat(diff.get("lines").get("old")).isEqualTo(before.get("lines"));
    assertThat(diff.get("lines").get("new")).isEqualTo(after.get("lines"));
  }

  @Test
  void addedOrRemovedLineIsDetected() {
    var one = map("lines", List.of(map("id", 10L)));
    var two = map("lines", List.of(map("id", 10L), map("id", 11L)));

    assertThat(Outbox.diff(one, two)).containsOnlyKeys("lines");
    assertThat(Outbox.diff(two, one)).containsOnlyKeys("lines");
    assertThat(Outbox.diff(one, map("lines", List.of()))).containsOnlyKeys("lines");
  }

  @Test
  void lineWithAnExtraFieldIsAChange() {
    var diff = Outbox.diff(map("lines", List.of(map("id", 10L))),
        map("lines", List.of(map("id", 10L, "note", null))));
    assertThat(diff).containsOnlyKeys("lines");
  }

  @Test
  void linesEqualByNumericValueAreNoChange() {
    var diff = Outbox.diff(
        map("lines", List.of(map("id", 10L, "price_unit", new BigDecimal("1.0")))),
        map("lines", List.of(map("id", 10L, "price_unit", new BigDecimal("1.00")))));
    assertThat(diff).isEmpty();
  }

  // ---- envelope

  private static Route route(Priority priority, String category) {
    return new Route("sale.order", true, EnumSet.allOf(ChangeKind.class), priority, category,
        Set.of(), Set.of(), List.of(1L), false, 0, null, FilterRule.ALWAYS, new Route.Drops());
  }

  private static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  @Test
  void envelopeCarriesAllFields() {
    Map<String, Object> after = map("id", 42L, "name", "SO42", "state", "sale",
        "amount_total", new BigDecimal("12.50"), "note", null, "is_paid", true,
        "lines", List.of(map("id", 7L, "quantity", new BigDecimal("1.000"))));
    EntityChanged c = new EntityChanged("sale.order", "42", ChangeKind.UPDATE,
        map("id", 42L, "state", "draft"), after);
    var changes = Outbox.diff(c.before(), c.after());

    JsonObject e = parse(Outbox.envelope("evt_abc", c, route(Priority.HIGH, "sales"), NOW,
        after, changes));

    assertThat(e.keySet()).containsExactly("id", "model", "record_id", "event", "timestamp",
        "priority", "category", "data", "changes");
    assertThat(e.getString("id")).isEqualTo("evt_abc");
    assertThat(e.getString("model")).isEqualTo("sale.order");
    assertThat(e.get("record_id").getValueType()).isEqualTo(JsonValue.ValueType.NUMBER);
    assertThat(e.getJsonNumber("record_id").longValueExact()).isEqualTo(42L);
    assertThat(e.getString("event")).isEqualTo("update");
    assertThat(e.getString("timestamp")).isEqualTo("2026-01-31T10:15:07.123Z");
    assertThat(e.getString("priority")).isEqualTo("high");
    assertThat(e.getString("category")).isEqualTo("sales");

    JsonObject data = e.getJsonObject("data");
    assertThat(data.getString("name")).isEqualTo("SO42");
    assertThat(data.getJsonNumber("amount_total").bigDecimalValue())
        .isEqualByComparingTo("12.50");
    assertThat(data.isNull("note")).isTrue();
    assertThat(data.getBoolean("is_paid")).isTrue();
    assertThat(data.getJsonArray("lines").getJsonObject(0).getJsonNumber("id").longValue())
        .isEqualTo(7L);

    JsonObject state = e.getJsonObject("changes").getJsonObject("state");
    assertThat(state.getString("old")).isEqualTo("draft");
    assertThat(state.getString("new")).isEqualTo("sale");
    assertThat(e.getJsonObject("changes").keySet()).containsOnly("state");
  }

  @Test
  void envelopeOfACreateHasNullCategoryAndNoChanges() {
    Map<String, Object> after = map("id", 1L, "name", "Acme");
    EntityChanged c = new EntityChanged("res.partner", "1", ChangeKind.CREATE, null, after);

    JsonObject e = parse(Outbox.envelope("evt_1", c, route(Priority.MEDIUM, null), NOW, after,
        new LinkedHashMap<>()));

    assertThat(e.containsKey("category")).isTrue();
    assertThat(e.isNull("category")).isTrue();
    assertThat(e.getString("event")).isEqualTo("create");
    assertThat(e.getString("priority")).isEqualTo("medium");
    assertThat(e.getJsonObject("changes")).isEmpty();
    assertThat(e.getJsonObject("data").getString("name")).isEqualTo("Acme");
  }

  @Test
  void envelopeOfADeleteWithoutDataHasAnEmptyDataObject() {
    EntityChanged c = new EntityChanged("res.partner", "9", ChangeKind.DELETE, null, null);

    JsonObject e = parse(Outbox.envelope("evt_9", c, route(Priority.LOW, "crm"), NOW, null,
        Map.of()));

    assertThat(e.getString("event")).isEqualTo("delete");
    assertThat(e.getString("priority")).isEqualTo("low");
    assertThat(e.getJsonObject("data")).isEmpty();
  }

  @Test
  void nonNumericRecordIdStaysAString() {
    EntityChanged c = new EntityChanged("x.model", "ab-12", ChangeKind.CREATE, null, Map.of());

    JsonObject e = parse(Outbox.envelope("evt_2", c, route(Priority.HIGH, null), NOW, Map.of(),
        Map.of()));

    assertThat(e.get("record_id").getValueType()).isEqualTo(JsonValue.ValueType.STRING);
    assertThat(e.getString("record_id")).isEqualTo("ab-12");
  }

  @Test
  void timestampIsUtcWithMillisecondPrecision() {
    OffsetDateTime berlin = OffsetDateTime.of(2026, 1, 31, 11, 15, 7, 999_999_999,
        ZoneOffset.ofHours(1));
    EntityChanged c = new EntityChanged("m", "1", ChangeKind.CREATE, null, Map.of());

    JsonObject e = parse(Outbox.envelope("evt_3", c, route(Priority.HIGH, null),
        berlin.withOffsetSameInstant(ZoneOffset.UTC), Map.of(), Map.of()));

    assertThat(e.getString("timestamp")).isEqualTo("2026-01-31T10:15:07.999Z");
  }

  @Test
  void bookkeepingListIsVersionAndUpdatedAt() {
    assertThat(Outbox.BOOKKEEPING).containsExactlyInAnyOrder("version", "updated_at");
  }
}
