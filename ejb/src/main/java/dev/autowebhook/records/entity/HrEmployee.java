package dev.autowebhook.records.entity;

import dev.autowebhook.capture.boundary.Tracked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** An employee of the company, with job, department and manager. */
@Entity
@Table(name = "hr_employee")
@Tracked("hr.employee")
public class HrEmployee extends BusinessRecord {

  @NotBlank(message = "must not be blank")
  @Size(max = 128, message = "must be at most 128 characters")
  @Column(name = "name", nullable = false, length = 128)
  private String name;

  @Size(max = 128, message = "must be at most 128 characters")
  @Column(name = "job_title", length = 128)
  private String jobTitle;

  @Size(max = 128, message = "must be at most 128 characters")
  @Column(name = "department", length = 128)
  private String department;

  @Size(max = 254, message = "must be at most 254 characters")
  @Email(message = "must be a valid e-mail address")
  @Column(name = "work_email", length = 254)
  private String workEmail;

  @Size(max = 32, message = "must be at most 32 characters")
  @Column(name = "work_phone", length = 32)
  private String workPhone;

  @Size(max = 32, message = "must be at most 32 characters")
  @Column(name = "mobile_phone", length = 32)
  private String mobilePhone;

  @NotNull(message = "must not be null")
  @Enumerated(EnumType.STRING)
  @Column(name = "employee_type", nullable = false, length = 32)
  private HrEmployeeType employeeType = HrEmployeeType.EMPLOYEE;

  @ManyToOne
  @JoinColumn(name = "manager_id")
  private HrEmployee manager;

  @Column(name = "hire_date")
  private LocalDate hireDate;

  /** False for archived employees. */
  @Column(name = "active", nullable = false)
  private boolean active = true;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getJobTitle() {
    return jobTitle;
  }

  public void setJobTitle(String jobTitle) {
    this.jobTitle = jobTitle;
  }

  public String getDepartment() {
    return department;
  }

  public void setDepartment(String department) {
    this.department = department;
  }

  public String getWorkEmail() {
    return workEmail;
  }

  public void setWorkEmail(String workEmail) {
    this.workEmail = workEmail;
  }

  public String getWorkPhone() {
    return workPhone;
  }

  public void setWorkPhone(String workPhone) {
    this.workPhone = workPhone;
  }

  public String getMobilePhone() {
    return mobilePhone;
  }

  public void setMobilePhone(String mobilePhone) {
    this.mobilePhone = mobilePhone;
  }

  public HrEmployeeType getEmployeeType() {
    return employeeType;
  }

  public void setEmployeeType(HrEmployeeType employeeType) {
    this.employeeType = employeeType;
  }

  public HrEmployee getManager() {
    return manager;
  }

  public void setManager(HrEmployee manager) {
    this.manager = manager;
  }

  public LocalDate getHireDate() {
    return hireDate;
  }

  public void setHireDate(LocalDate hireDate) {
    this.hireDate = hireDate;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }
}
