package dev.autowebhook.records.entity;

/** The pipeline stage of a lead or opportunity. */
public enum CrmLeadStage {
  NEW, QUALIFIED, PROPOSITION, WON, LOST
}
