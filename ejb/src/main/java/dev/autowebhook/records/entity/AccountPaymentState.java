package dev.autowebhook.records.entity;

/** The stages of a payment. */
public enum AccountPaymentState {
  DRAFT, IN_PROCESS, PAID, CANCELED, REJECTED
}
