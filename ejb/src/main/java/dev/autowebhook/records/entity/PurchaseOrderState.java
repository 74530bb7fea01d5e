package dev.autowebhook.records.entity;

/** The stages of a purchase order, from request for quotation to done or cancelled. */
public enum PurchaseOrderState {
  DRAFT, SENT, TO_APPROVE, PURCHASE, DONE, CANCEL
}
