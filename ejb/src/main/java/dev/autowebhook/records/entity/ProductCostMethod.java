package dev.autowebhook.records.entity;

/** How the cost of the products of a category is computed. */
public enum ProductCostMethod {
  STANDARD, FIFO, AVERAGE
}
