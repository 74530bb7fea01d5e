package dev.autowebhook.records.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autowebhook.platform.InvalidInputException.Violation;
import dev.autowebhook.records.entity.HrEmployee;
import dev.autowebhook.records.entity.Partner;
import dev.autowebhook.records.entity.ProductTemplate;
import dev.autowebhook.records.entity.SaleOrder;
import dev.autowebhook.records.entity.SaleOrderLine;
import dev.autowebhook.records.entity.SaleOrderState;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Uses the real entities without a JPA provider. {@code Persistence.getPersistenceUtil()} from
 * jakarta.persistence-api 3.1 asks the (here: no) providers and answers "loaded" when none
 * knows the entity, so plain objects have their lines in the snapshot.
 */
class RecordMapperTest {

  private final Map<String, Object> store = new HashMap<>();
  private final List<String> lookups = new ArrayList<>();
  private final BiFunction<Class<?>, Object, Object> resolver = (type, id) -> {
    lookups.add(type.getSimpleName() + "#" + id);
    return store.get(type.getSimpleName() + "#" + id);
  };

  private static <T> T withId(T entity, long id) {
    try {
      Class<?> c = entity.getClass();
      while (c.getSuperclass() != Object.class) {
        c = c.getSuperclass();
      }
      Field f = c.getDeclaredField("id");
      f.setAccessible(true);
      f.set(entity, id);
      return entity;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
  }

  private static Partner partner(long id, String name) {
    Partner p = withId(new Partner(), id);
    p.setName(name);
    return p;
  }

  private static SaleOrderLine line(long id, String description, String quantity) {
    SaleOrderLine l = withId(new SaleOrderLine(), id);
    l.setDescription(description);
    l.setQuantity(new BigDecimal(quantity));
    return l;
  }

  private SaleOrder order() {
    SaleOrder o = withId(new SaleOrder(), 1L);
    o.setName("SO001");
    o.setPartner(partner(7L, "Acme"));
    o.setState(SaleOrderState.SALE);
    o.setDateOrder(OffsetDateTime.of(2026, 1, 31, 12, 15, 0, 0, ZoneOffset.ofHours(2)));
    o.setValidityDate(LocalDate.of(2026, 2, 28));
    o.addLine(line(11L, "Widget", "2.000"));
    o.addLine(line(12L, "Gadget", "1.000"));
    return o;
  }

  private static Violation violation(List<Violation> violations, String field) {
    return violations.stream().filter(v -> field.equals(v.field())).findFirst()
        .orElseThrow(() -> new AssertionError("no violation for " + field + " in " + violations));
  }

  // ---- snapshot

  @Test
  void snapshotHasSnakeCaseKeysInDeclarationOrder() {
    Map<String, Object> s = RecordMapper.snapshot(order());

    assertThat(s.keySet()).containsExactly("id", "version", "created_at", "updated_at", "name",
        "partner_id", "state", "date_order", "validity_date", "currency", "client_order_ref",
        "origin", "salesperson_id", "note", "amount_untaxed", "amount_tax", "amount_total",
        "lines");
  }

  @Test
  void snapshotValuesAreJsonReady() {
    Map<String, Object> s = RecordMapper.snapshot(order());

    assertThat(s).containsEntry("id", 1L)
        .containsEntry("version", 0L)
        .containsEntry("created_at", null)
        .containsEntry("name", "SO001")
        .containsEntry("partner_id", 7L)
        .containsEntry("state", "sale")
        .containsEntry("date_order", "2026-01-31T10:15Z")
        .containsEntry("validity_date", "2026-02-28")
        .containsEntry("currency", "EUR")
        .containsEntry("salesperson_id", null)
        .containsEntry("amount_total", BigDecimal.ZERO);
  }

  @Test
  void snapshotOfLinesLeavesOutTheBackReference() {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> lines = (List<Map<String, Object>>) RecordMapper.snapshot(order())
        .get("lines");

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).keySet()).containsExactly("id", "product_id", "description",
        "quantity", "price_unit", "discount", "tax_rate", "price_subtotal");
    assertThat(lines.get(0)).containsEntry("id", 11L).containsEntry("description", "Widget")
        .containsEntry("quantity", new BigDecimal("2.000")).containsEntry("product_id", null);
    assertThat(lines.get(1)).containsEntry("id", 12L);
  }

  @Test
  void snapshotOfNullLinesIsAnEmptyList() {
    SaleOrder o = order();
    o.setLines(null);
    assertThat(RecordMapper.snapshot(o)).containsEntry("lines", List.of());
  }

  @Test
  void snapshotOfPartnerWithParent() {
    Partner child = partner(8L, "Jane");
    child.setParent(partner(7L, "Acme"));
    child.setIsCompany(false);

    Map<String, Object> s = RecordMapper.snapshot(child);

    assertThat(s).containsEntry("parent_id", 7L).containsEntry("is_company", false)
        .containsEntry("customer_rank", 0).containsEntry("active", true);
    assertThat(s).doesNotContainKey("parent");
  }

  @Test
  void jsonValueConversions() {
    assertThat(RecordMapper.jsonValue(null)).isNull();
    assertThat(RecordMapper.jsonValue("x")).isEqualTo("x");
    assertThat(RecordMapper.jsonValue(5)).isEqualTo(5);
    assertThat(RecordMapper.jsonValue(true)).isEqualTo(true);
    assertThat(RecordMapper.jsonValue(SaleOrderState.CANCEL)).isEqualTo("cancel");
    assertThat(RecordMapper.jsonValue(LocalDate.of(2026, 1, 2))).isEqualTo("2026-01-02");
    assertThat(RecordMapper.jsonValue(
        OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 6_000_000, ZoneOffset.ofHours(-5))))
        .isEqualTo("2026-01-02T08:04:05.006Z");
  }

  // ---- same

  @Test
  void sameComparesNumbersByValue() {
    assertThat(RecordMapper.same(new BigDecimal("1.0"), new BigDecimal("1.00"))).isTrue();
    assertThat(RecordMapper.same(1, 1L)).isTrue();
    assertThat(RecordMapper.same(2, new BigDecimal("2.0"))).isTrue();
    assertThat(RecordMapper.same(new BigDecimal("1.01"), new BigDecimal("1.0"))).isFalse();
    assertThat(RecordMapper.same(1, "1")).isFalse();
    assertThat(RecordMapper.same(null, null)).isTrue();
    assertThat(RecordMapper.same(null, 0)).isFalse();
    assertThat(RecordMapper.same(0, null)).isFalse();
  }

  @Test
  void sameComparesListsAndMapsDeeply() {
    assertThat(RecordMapper.same(List.of(Map.of("q", new BigDecimal("1.0"))),
        List.of(Map.of("q", new BigDecimal("1.000"))))).isTrue();
    assertThat(RecordMapper.same(List.of(1, 2), List.of(2, 1))).isFalse();
    assertThat(RecordMapper.same(List.of(1), List.of(1, 2))).isFalse();
    assertThat(RecordMapper.same(Map.of("a", 1), Map.of("b", 1))).isFalse();
    assertThat(RecordMapper.same(Map.of("a", 1), Map.of("a", 1, "b", 2))).isFalse();
  }

  // ---- apply: values

  @Test
  void appliesWritableValues() {
    SaleOrder o = order();

    List<Violation> v = RecordMapper.apply(json("{'name':'SO002','state':'CanCel',"
        + "'validity_date':'2026-03-01','date_order':'2026-01-31T10:15:00+01:00',"
        + "'note':null}"), o, resolver);

    assertThat(v).isEmpty();
    assertThat(o.getName()).isEqualTo("SO002");
    assertThat(o.getState()).isEqualTo(SaleOrderState.CANCEL);
    assertThat(o.getValidityDate()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(o.getDateOrder()).isEqualTo(OffsetDateTime.parse("2026-01-31T10:15:00+01:00"));
    assertThat(o.getNote()).isNull();
  }

  @Test
  void readOnlyFieldsAreIgnoredEvenWhenInvalid() {
    SaleOrder o = order();

    List<Violation> v = RecordMapper.apply(json("{'id':999,'version':'x','created_at':'garbage',"
        + "'updated_at':5,'amount_total':1000,'amount_tax':'lots','name':'kept'}"), o, resolver);

    assertThat(v).isEmpty();
    assertThat(o.getId()).isEqualTo(1L);
    assertThat(o.getVersion()).isZero();
    assertThat(o.getCreatedAt()).isNull();
    assertThat(o.getAmountTotal()).isEqualByComparingTo("0");
    assertThat(o.getAmountTax()).isEqualByComparingTo("0");
    assertThat(o.getName()).isEqualTo("kept");
  }

  @Test
  void clientCanSendBackWhatItRead() {
    SaleOrder o = order();
    JsonObject read = Json.createObjectBuilder(RecordMapper.snapshot(o)).build();

    assertThat(RecordMapper.apply(read, o, (t, id) -> id.equals(7L) ? o.getPartner() : null))
        .isEmpty();
  }

  @Test
  void unknownFieldNamesTheKnownFields() {
    List<Violation> v = RecordMapper.apply(json("{'colour':'red','partner':7}"), order(),
        resolver);

    assertThat(v).extracting(Violation::field).containsExactly("colour", "partner");
    assertThat(violation(v, "colour").message()).startsWith("unknown field; known fields are ")
        .contains("name", "partner_id", "state", "lines");
  }

  @Test
  void typeErrorsAreReportedPerField() {
    Partner p = partner(7L, "Acme");

    List<Violation> v = RecordMapper.apply(json("{'customer_rank':'5','supplier_rank':1.5,"
        + "'is_company':'yes','name':5,'email':'a@b.example'}"), p, resolver);

    assertThat(v).extracting(Violation::field)
        .containsExactlyInAnyOrder("customer_rank", "supplier_rank", "is_company", "name");
    assertThat(violation(v, "customer_rank").message()).isEqualTo("must be an integer");
    assertThat(violation(v, "supplier_rank").message()).isEqualTo("must be an integer");
    assertThat(violation(v, "is_company").message()).isEqualTo("must be true or false");
    assertThat(violation(v, "name").message()).isEqualTo("must be a string");
    assertThat(p.getEmail()).as("valid fields still applied").isEqualTo("a@b.example");
    assertThat(p.getName()).isEqualTo("Acme");
  }

  @Test
  void integersFollowJsonPIntegralityScaleZero() {
    Partner p = partner(7L, "Acme");
    assertThat(RecordMapper.apply(json("{'customer_rank':100,'supplier_rank':-0}"), p, resolver))
        .isEmpty();
    assertThat(p.getCustomerRank()).isEqualTo(100);
    assertThat(p.getSupplierRank()).isZero();

    // JsonNumber.isIntegral() is "scale == 0": 1e2 and 3.0 are not integers
    assertThat(RecordMapper.apply(json("{'customer_rank':1e2,'supplier_rank':3.0}"), p,
        resolver)).extracting(Violation::message)
        .containsExactly("must be an integer", "must be an integer");
  }

  @Test
  void integerOutOfRange() {
    List<Violation> v = RecordMapper.apply(json("{'customer_rank':3000000000}"),
        partner(7L, "Acme"), resolver);
    assertThat(v).containsExactly(new Violation("customer_rank", "is out of range"));
  }

  @Test
  void nullForPrimitive() {
    Partner p = partner(7L, "Acme");
    p.setCustomerRank(4);

    List<Violation> v = RecordMapper.apply(json("{'customer_rank':null,'is_company':null}"), p,
        resolver);

    assertThat(v).containsExactlyInAnyOrder(new Violation("customer_rank", "must not be null"),
        new Violation("is_company", "must not be null"));
    assertThat(p.getCustomerRank()).isEqualTo(4);
  }

  @Test
  void badEnumListsTheAllowedValues() {
    SaleOrder o = order();

    List<Violation> v = RecordMapper.apply(json("{'state':'shipped'}"), o, resolver);

    assertThat(v).containsExactly(
        new Violation("state", "must be one of [draft, sent, sale, done, cancel]"));
    assertThat(o.getState()).isEqualTo(SaleOrderState.SALE);
    assertThat(RecordMapper.apply(json("{'state':3}"), o, resolver))
        .extracting(Violation::message).containsExactly(
            "must be one of [draft, sent, sale, done, cancel]");
  }

  @Test
  void badDates() {
    List<Violation> v = RecordMapper.apply(json("{'validity_date':'2026-02-30',"
        + "'date_order':'2026-01-31T10:15:00'}"), order(), resolver);

    assertThat(v).containsExactlyInAnyOrder(
        new Violation("validity_date", "must be a date like 2026-01-31"),
        new Violation("date_order", "must be a date-time like 2026-01-31T10:15:00Z"));

    assertThat(RecordMapper.apply(json("{'validity_date':20260131,'date_order':true}"), order(),
        resolver)).extracting(Violation::field)
        .containsExactlyInAnyOrder("validity_date", "date_order");
  }

  @Test
  void convertNumbers() {
    assertThat(RecordMapper.convert(Json.createValue(new BigDecimal("12.345")), BigDecimal.class))
        .isEqualTo(new BigDecimal("12.345"));
    assertThat(RecordMapper.convert(Json.createValue(7), Long.class)).isEqualTo(7L);
    assertThat(RecordMapper.convert(JsonValue.NULL, Integer.class)).isNull();
    assertThat(RecordMapper.convert(null, String.class)).isNull();
    assertThatThrownBy(() -> RecordMapper.convert(Json.createValue("1"), BigDecimal.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("must be a number");
    assertThatThrownBy(() -> RecordMapper.convert(Json.createValue(new BigDecimal("1e14")),
        BigDecimal.class)).hasMessage("is too large");
    assertThat(RecordMapper.convert(Json.createValue(new BigDecimal("99999999999999.99")),
        BigDecimal.class)).isEqualTo(new BigDecimal("99999999999999.99"));
    assertThatThrownBy(() -> RecordMapper.convert(Json.createValue(1), Object.class))
        .hasMessage("cannot be set");
  }

  // ---- apply: references

  @Test
  void referenceIsResolvedThroughTheResolver() {
    Partner other = partner(8L, "Other");
    store.put("Partner#8", other);
    SaleOrder o = order();

    assertThat(RecordMapper.apply(json("{'partner_id':8}"), o, resolver)).isEmpty();

    assertThat(o.getPartner()).isSameAs(other);
    assertThat(lookups).containsExactly("Partner#8");
  }

  @Test
  void missingReferenceIsReported() {
    SaleOrder o = order();
    Partner before = o.getPartner();

    List<Violation> v = RecordMapper.apply(json("{'partner_id':99,'salesperson_id':3}"), o,
        resolver);

    assertThat(v).containsExactlyInAnyOrder(
        new Violation("partner_id", "partner 99 does not exist"),
        new Violation("salesperson_id", "hr_employee 3 does not exist"));
    assertThat(o.getPartner()).isSameAs(before);
    assertThat(lookups).containsExactlyInAnyOrder("Partner#99", "HrEmployee#3");
  }

  @Test
  void referenceMustBeAnIntegerId() {
    List<Violation> v = RecordMapper.apply(json("{'partner_id':'8'}"), order(), resolver);
    assertThat(v).containsExactly(
        new Violation("partner_id", "must be the id (an integer) of a partner"));

    v = RecordMapper.apply(json("{'partner_id':8.5}"), order(), resolver);
    assertThat(v).extracting(Violation::field).containsExactly("partner_id");

    v = RecordMapper.apply(json("{'partner_id':{'id':8}}"), order(), resolver);
    assertThat(v).extracting(Violation::field).containsExactly("partner_id");
    assertThat(lookups).isEmpty();
  }

  @Test
  void nullReferenceClearsIt() {
    SaleOrder o = order();
    o.setSalesperson(withId(new HrEmployee(), 3L));

    assertThat(RecordMapper.apply(json("{'salesperson_id':null}"), o, resolver)).isEmpty();
    assertThat(o.getSalesperson()).isNull();
    assertThat(lookups).isEmpty();
  }

  // ---- apply: lines

  @Test
  void linesAreUpdatedAddedAndOrphansRemoved() {
    SaleOrder o = order();
    SaleOrderLine widget = o.getLines().get(0);
    ProductTemplate product = withId(new ProductTemplate(), 5L);
    store.put("ProductTemplate#5", product);

    List<Violation> v = RecordMapper.apply(json("{'lines':["
        + "{'id':11,'quantity':5,'price_subtotal':123},"
        + "{'description':'New','quantity':2,'price_unit':3.5,'product_id':5}]}"), o, resolver);

    assertThat(v).isEmpty();
    assertThat(o.getLines()).hasSize(2);
    assertThat(o.getLines().get(0)).isSameAs(widget);
    assertThat(widget.getQuantity()).isEqualByComparingTo("5");
    assertThat(widget.getDescription()).isEqualTo("Widget");
    assertThat(widget.getPriceSubtotal()).as("read-only").isEqualByComparingTo("0");
    SaleOrderLine added = o.getLines().get(1);
    assertThat(added.getId()).isNull();
    assertThat(added.getOrder()).as("back reference set").isSameAs(o);
    assertThat(added.getDescription()).isEqualTo("New");
    assertThat(added.getQuantity()).isEqualByComparingTo("2");
    assertThat(added.getPriceUnit()).isEqualByComparingTo("3.5");
    assertThat(added.getProduct()).isSameAs(product);
    assertThat(o.getLines()).extracting(SaleOrderLine::getId).doesNotContain(12L);
  }

  @Test
  void newLineWithExplicitNullId() {
    SaleOrder o = order();
    assertThat(RecordMapper.apply(json("{'lines':[{'id':11},{'id':12},{'id':null}]}"), o,
        resolver)).isEmpty();
    assertThat(o.getLines()).extracting(SaleOrderLine::getId).containsExactly(11L, 12L, null);
  }

  @Test
  void emptyLinesArrayRemovesAllLines() {
    SaleOrder o = order();
    assertThat(RecordMapper.apply(json("{'lines':[]}"), o, resolver)).isEmpty();
    assertThat(o.getLines()).isEmpty();
  }

  @Test
  void unknownLineIdIsReported() {
    SaleOrder o = order();

    List<Violation> v = RecordMapper.apply(json("{'lines':[{'id':11},{'id':99},{'id':'12'}]}"),
        o, resolver);

    assertThat(v).containsExactly(
        new Violation("lines[1].id", "is not a line of this record"),
        new Violation("lines[2].id", "is not a line of this record"));
  }

  @Test
  void lineErrorsArePrefixedWithTheirIndex() {
    List<Violation> v = RecordMapper.apply(json("{'lines':[{'id':11,'quantity':'many'},"
        + "{'description':7,'colour':'red','order_id':1,'product_id':42}]}"), order(), resolver);

    assertThat(v).extracting(Violation::field).containsExactlyInAnyOrder("lines[0].quantity",
        "lines[1].description", "lines[1].colour", "lines[1].order_id", "lines[1].product_id");
    assertThat(violation(v, "lines[0].quantity").message()).isEqualTo("must be a number");
    assertThat(violation(v, "lines[1].order_id").message()).startsWith("unknown field");
    assertThat(violation(v, "lines[1].product_id").message())
        .isEqualTo("product_template 42 does not exist");
  }

  @Test
  void linesMustBeAnArrayOfObjects() {
    assertThat(RecordMapper.apply(json("{'lines':{'id':11}}"), order(), resolver))
        .containsExactly(new Violation("lines", "must be an array of line objects"));
    assertThat(RecordMapper.apply(json("{'lines':[11, null]}"), order(), resolver))
        .containsExactly(new Violation("lines[0]", "must be an object"),
            new Violation("lines[1]", "must be an object"));
  }

  @Test
  void enumOutputIsLowerCaseAndInputIgnoresCase() {
    SaleOrder o = order();
    o.setState(SaleOrderState.DONE);
    assertThat(RecordMapper.snapshot(o)).containsEntry("state", "done");

    assertThat(RecordMapper.apply(json("{'state':'DRAFT'}"), o, resolver)).isEmpty();
    assertThat(o.getState()).isEqualTo(SaleOrderState.DRAFT);
  }
}
