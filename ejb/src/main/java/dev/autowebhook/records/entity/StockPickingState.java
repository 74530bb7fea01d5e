package dev.autowebhook.records.entity;

/** The stages of a transfer. */
public enum StockPickingState {
  DRAFT, WAITING, CONFIRMED, ASSIGNED, DONE, CANCEL
}
