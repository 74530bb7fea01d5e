package dev.autowebhook.records.entity;

/** The stages of an accounting move. */
public enum AccountMoveState {
  DRAFT, POSTED, CANCEL
}
