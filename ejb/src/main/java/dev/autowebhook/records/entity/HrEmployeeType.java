package dev.autowebhook.records.entity;

/** The kind of contract an employee has. */
public enum HrEmployeeType {
  EMPLOYEE, WORKER, STUDENT, TRAINEE, CONTRACTOR, FREELANCE
}
