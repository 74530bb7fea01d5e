package dev.autowebhook.records.entity;

import java.math.BigDecimal;

/** A priced line of an order or invoice whose subtotal and tax make up its parent's totals. */
interface PricedLine {

  /** Recomputes the line's subtotal from its quantity, unit price and discount. */
  void recompute();

  BigDecimal getPriceSubtotal();

  BigDecimal getTaxRate();
}
