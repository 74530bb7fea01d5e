package dev.autowebhook.records.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The money arithmetic of the records: line subtotals, taxes and totals, rounded to cents. */
final class Amounts {

  static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** The untaxed, tax and total amounts of a set of lines. */
  record Totals(BigDecimal untaxed, BigDecimal tax) {
    BigDecimal total() {
      return untaxed.add(tax);
    }
  }

  private Amounts() {}

  /**
   * {@code quantity * priceUnit * (1 - discount / 100)}, rounded half-up to cents; nulls count
   * as 0.
   */
  static BigDecimal subtotal(BigDecimal quantity, BigDecimal priceUnit, BigDecimal discount) {
    BigDecimal factor = BigDecimal.ONE.subtract(orZero(discount).divide(HUNDRED));
    return orZero(quantity).multiply(orZero(priceUnit)).multiply(factor)
        .setScale(2, RoundingMode.HALF_UP);
  }

  /** {@code amount * percent / 100}, rounded half-up to cents; nulls count as 0. */
  static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
    return orZero(amount).multiply(orZero(percent)).divide(HUNDRED)
        .setScale(2, RoundingMode.HALF_UP);
  }

  /**
   * Recomputes every line's subtotal and sums them; the tax is rounded per line (as Odoo does
   * by default) so that the total always equals the sum of what the lines show.
   */
  static Totals totals(List<? extends PricedLine> lines) {
    BigDecimal untaxed = ZERO;
    BigDecimal tax = ZERO;
    if (lines != null) {
      for (PricedLine line : lines) {
        line.recompute();
        untaxed = untaxed.add(line.getPriceSubtotal());
        tax = tax.add(percentOf(line.getPriceSubtotal(), line.getTaxRate()));
      }
    }
    return new Totals(untaxed, tax);
  }

  private static BigDecimal orZero(BigDecimal value) {
    return value == null ? BigDecimal.ZERO : value;
  }
}
