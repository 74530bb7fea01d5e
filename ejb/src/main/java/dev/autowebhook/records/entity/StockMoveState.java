package dev.autowebhook.records.entity;

/** The stages of a stock move. */
public enum StockMoveState {
  DRAFT, WAITING, CONFIRMED, PARTIALLY_AVAILABLE, ASSIGNED, DONE, CANCEL
}
