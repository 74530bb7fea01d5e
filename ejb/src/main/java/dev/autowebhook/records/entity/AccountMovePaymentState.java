package dev.autowebhook.records.entity;

/** How far an invoice has been paid. */
public enum AccountMovePaymentState {
  NOT_PAID, PARTIAL, PAID, REVERSED
}
