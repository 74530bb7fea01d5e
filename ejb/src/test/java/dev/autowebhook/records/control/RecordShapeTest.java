package dev.autowebhook.records.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.records.control.RecordShape.Attribute;
import dev.autowebhook.records.control.RecordShape.Kind;
import dev.autowebhook.records.entity.HrEmployee;
import dev.autowebhook.records.entity.Partner;
import dev.autowebhook.records.entity.ProductTemplate;
import dev.autowebhook.records.entity.SaleOrder;
import dev.autowebhook.records.entity.SaleOrderLine;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordShapeTest {

  private final RecordShape cut = RecordShape.of(SaleOrder.class);

  @ParameterizedTest
  @CsvSource({"id, id", "dateOrder, date_order", "isCompany, is_company",
      "clientOrderRef, client_order_ref", "amountTotal, amount_total", "x, x", "A, a",
      "HrEmployee, hr_employee"})
  void snakeCase(String camel, String snake) {
    assertThat(RecordShape.snake(camel)).isEqualTo(snake);
  }

  @Test
  void fieldsInDeclarationOrderSuperclassFirstWithSnakeCaseNames() {
    assertThat(cut.fieldNames()).containsExactly("id", "version", "created_at", "updated_at",
        "name", "partner_id", "state", "date_order", "validity_date", "currency",
        "client_order_ref", "origin", "salesperson_id", "note", "amount_untaxed", "amount_tax",
        "amount_total", "lines");
  }

  @Test
  void transientCapturedStateIsNotAField() {
    assertThat(cut.attribute("captured_state")).isNull();
    assertThat(cut.fieldNames()).doesNotContain("captured_state");
  }

  @Test
  void kindsOfTheFields() {
    assertThat(cut.attribute("id").kind()).isEqualTo(Kind.ID);
    assertThat(cut.attribute("version").kind()).isEqualTo(Kind.READ_ONLY);
    assertThat(cut.attribute("created_at").kind()).isEqualTo(Kind.READ_ONLY);
    assertThat(cut.attribute("updated_at").kind()).isEqualTo(Kind.READ_ONLY);
    assertThat(cut.attribute("amount_total").kind()).as("@Computed").isEqualTo(Kind.READ_ONLY);
    assertThat(cut.attribute("amount_untaxed").kind()).isEqualTo(Kind.READ_ONLY);
    assertThat(cut.attribute("name").kind()).isEqualTo(Kind.VALUE);
    assertThat(cut.attribute("state").kind()).isEqualTo(Kind.VALUE);
    assertThat(cut.attribute("date_order").kind()).isEqualTo(Kind.VALUE);
  }

  @Test
  void manyToOneIsAReferenceNamedWithIdSuffix() {
    Attribute partner = cut.attribute("partner_id");
    assertThat(partner.kind()).isEqualTo(Kind.REFERENCE);
    assertThat(partner.target()).isEqualTo(Partner.class);
    assertThat(partner.field().getName()).isEqualTo("partner");
    assertThat(cut.attribute("partner")).isNull();

    assertThat(cut.attribute("salesperson_id").target()).isEqualTo(HrEmployee.class);
  }

  @Test
  void oneToManyIsLinesWithTheirBackReference() {
    Attribute lines = cut.attribute("lines");
    assertThat(lines.kind()).isEqualTo(Kind.LINES);
    assertThat(lines.target()).isEqualTo(SaleOrderLine.class);
    assertThat(lines.backRef()).isEqualTo("order");
  }

  @Test
  void lineShape() {
    RecordShape line = RecordShape.of(SaleOrderLine.class);

    assertThat(line.fieldNames()).containsExactly("id", "order_id", "product_id", "description",
        "quantity", "price_unit", "discount", "tax_rate", "price_subtotal");
    assertThat(line.attribute("order_id").target()).isEqualTo(SaleOrder.class);
    assertThat(line.attribute("product_id").target()).isEqualTo(ProductTemplate.class);
    assertThat(line.attribute("price_subtotal").kind()).isEqualTo(Kind.READ_ONLY);
    assertThat(line.attribute("quantity").kind()).isEqualTo(Kind.VALUE);
  }

  @Test
  void partnerShapeHasSelfReferenceAndPrimitives() {
    RecordShape partner = RecordShape.of(Partner.class);

    assertThat(partner.attribute("parent_id").target()).isEqualTo(Partner.class);
    assertThat(partner.attribute("is_company").field().getType()).isEqualTo(boolean.class);
    assertThat(partner.attribute("customer_rank").field().getType()).isEqualTo(int.class);
  }

  @Test
  void shapesAreCached() {
    assertThat(RecordShape.of(SaleOrder.class)).isSameAs(cut);
    assertThat(cut.type()).isEqualTo(SaleOrder.class);
  }

  /** What a provider's proxy looks like: a subclass of the entity without {@code @Entity}. */
  static class SaleOrderProxy extends SaleOrder {
    private String proxyState;
  }

  @Test
  void proxySubclassResolvesToTheEntityShape() {
    assertThat(RecordShape.of(SaleOrderProxy.class)).isSameAs(cut);
    assertThat(RecordShape.of(SaleOrderProxy.class).fieldNames()).doesNotContain("proxy_state");
  }

  @Test
  void idOfReadsTheIdField() throws Exception {
    SaleOrder o = new SaleOrder();
    assertThat(cut.idOf(o)).isNull();
    Field id = Class.forName("dev.autowebhook.records.entity.BusinessRecord")
        .getDeclaredField("id");
    id.setAccessible(true);
    id.set(o, 77L);

    assertThat(cut.idOf(o)).isEqualTo(77L);
    assertThat(cut.idOf(null)).isNull();
  }

  @Test
  void attributesReadAndWrite() {
    SaleOrder o = new SaleOrder();
    cut.attribute("note").write(o, "hello");
    assertThat(o.getNote()).isEqualTo("hello");
    assertThat(cut.attribute("note").read(o)).isEqualTo("hello");
  }

  @Test
  void unknownAttributeIsNull() {
    assertThat(cut.attribute("colour")).isNull();
  }
}
