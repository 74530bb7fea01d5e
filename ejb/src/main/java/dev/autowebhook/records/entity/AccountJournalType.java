package dev.autowebhook.records.entity;

/** The kind of an accounting journal. */
public enum AccountJournalType {
  SALE, PURCHASE, CASH, BANK, GENERAL
}
