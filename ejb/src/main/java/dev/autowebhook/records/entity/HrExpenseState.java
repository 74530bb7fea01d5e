package dev.autowebhook.records.entity;

/** The stages of an expense, from draft to paid or refused. */
public enum HrExpenseState {
  DRAFT, REPORTED, SUBMITTED, APPROVED, DONE, REFUSED
}
