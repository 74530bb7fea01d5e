package dev.autowebhook.records.entity;

/** The kind of a product: consumable, service or storable product. */
public enum ProductType {
  CONSU, SERVICE, PRODUCT
}
