package dev.autowebhook.records.entity;

/** Whether a CRM record is a lead (not yet qualified) or an opportunity. */
public enum CrmLeadType {
  LEAD, OPPORTUNITY
}
