package dev.autowebhook.records.entity;

/** Who paid an expense: the employee (to reimburse) or the company. */
public enum HrExpensePaymentMode {
  OWN_ACCOUNT, COMPANY_ACCOUNT
}
