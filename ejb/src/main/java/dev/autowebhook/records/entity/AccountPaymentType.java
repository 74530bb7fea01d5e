package dev.autowebhook.records.entity;

/** The direction of a payment: money received or money sent. */
public enum AccountPaymentType {
  INBOUND, OUTBOUND
}
