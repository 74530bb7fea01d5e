package dev.autowebhook.records.entity;

/**
 * What an accounting move is: a plain journal entry, or a customer/vendor invoice or credit note.
 */
public enum AccountMoveType {
  ENTRY, OUT_INVOICE, OUT_REFUND, IN_INVOICE, IN_REFUND
}
