package dev.autowebhook.records.entity;

/** Whether a payment is with a customer or a vendor. */
public enum AccountPaymentPartnerType {
  CUSTOMER, SUPPLIER
}
