package dev.autowebhook.records.entity;

/** The stages of a sales order, from quotation to done or cancelled. */
public enum SaleOrderState {
  DRAFT, SENT, SALE, DONE, CANCEL
}
