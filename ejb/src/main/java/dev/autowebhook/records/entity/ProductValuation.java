package dev.autowebhook.records.entity;

/** When the stock of the products of a category is valued in accounting. */
public enum ProductValuation {
  MANUAL_PERIODIC, REAL_TIME
}
