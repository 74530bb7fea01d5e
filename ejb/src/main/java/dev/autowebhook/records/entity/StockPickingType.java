package dev.autowebhook.records.entity;

/** The direction of a transfer: receipt, delivery or internal move. */
public enum StockPickingType {
  INCOMING, OUTGOING, INTERNAL
}
