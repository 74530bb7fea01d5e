package dev.autowebhook.records.entity;

import dev.autowebhook.capture.boundary.Tracked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A sales lead or opportunity in the CRM pipeline. */
@Entity
@Table(name = "crm_lead")
@Tracked("crm.lead")
public class CrmLead extends BusinessRecord {

  /** Title of the opportunity. */
  @NotBlank(message = "must not be blank")
  @Size(max = 128, message = "must be at most 128 characters")
  @Column(name = "name", nullable = false, length = 128)
  private String name;

  @NotNull(message = "must not be null")
  @Enumerated(EnumType.STRING)
  @Column(name = "type", nullable = false, length = 32)
  private CrmLeadType type = CrmLeadType.LEAD;

  @NotNull(message = "must not be null")
  @Enumerated(EnumType.STRING)
  @Column(name = "stage", nullable = false, length = 32)
  private CrmLeadStage stage = CrmLeadStage.NEW;

  /** The customer, once known. */
  @ManyToOne
  @JoinColumn(name = "partner_id")
  private Partner partner;

  /** Company name of a prospect not yet a partner. */
  @Size(max = 128, message = "must be at most 128 characters")
  @Column(name = "partner_name", length = 128)
  private String partnerName;

  @Size(max = 128, message = "must be at most 128 characters")
  @Column(name = "contact_name", length = 128)
  private String contactName;

  @Size(max = 254, message = "must be at most 254 characters")
  @Email(message = "must be a valid e-mail address")
  @Column(name = "email_from", length = 254)
  private String emailFrom;

  @Size(max = 32, message = "must be at most 32 characters")
  @Column(name = "phone", length = 32)
  private String phone;

  @NotNull(message = "must not be null")
  @PositiveOrZero(message = "must not be negative")
  @Digits(integer = 14, fraction = 2,
      message = "must have at most 14 digits before and 2 after the decimal point")
  @Column(name = "expected_revenue", nullable = false, precision = 16, scale = 2)
  private BigDecimal expectedRevenue = BigDecimal.ZERO;

  /** Chance of winning, in percent (0 to 100). */
  @NotNull(message = "must not be null")
  @DecimalMin(value = "0", message = "must be between 0 and 100")
  @DecimalMax(value = "100", message = "must be between 0 and 100")
  @Digits(integer = 3, fraction = 2,
      message = "must have at most 3 digits before and 2 after the decimal point")
  @Column(name = "probability", nullable = false, precision = 5, scale = 2)
  private BigDecimal probability = BigDecimal.ZERO;

  /** ISO 4217 currency code of the amounts. */
  @NotNull(message = "must not be null")
  @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
  @Column(name = "currency", nullable = false, length = 3)
  private String currency = "EUR";

  /** Expected closing date. */
  @Column(name = "date_deadline")
  private LocalDate dateDeadline;

  /** Priority from 0 (normal) to 3 (very high). */
  @Min(value = 0, message = "must be between 0 and 3")
  @Max(value = 3, message = "must be between 0 and 3")
  @Column(name = "priority", nullable = false)
  private int priority;

  @ManyToOne
  @JoinColumn(name = "salesperson_id")
  private HrEmployee salesperson;

  /** False for lost or archived leads. */
  @Column(name = "active", nullable = false)
  private boolean active = true;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public CrmLeadType getType() {
    return type;
  }

  public void setType(CrmLeadType type) {
    this.type = type;
  }

  public CrmLeadStage getStage() {
    return stage;
  }

  public void setStage(CrmLeadStage stage) {
    this.stage = stage;
  }

  public Partner getPartner() {
    return partner;
  }

  public void setPartner(Partner partner) {
    this.partner = partner;
  }

  public String getPartnerName() {
    return partnerName;
  }

  public void setPartnerName(String partnerName) {
    this.partnerName = partnerName;
  }

  public String getContactName() {
    return contactName;
  }

  public void setContactName(String contactName) {
    this.contactName = contactName;
  }

  public String getEmailFrom() {
    return emailFrom;
  }

  public void setEmailFrom(String emailFrom) {
    this.emailFrom = emailFrom;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public BigDecimal getExpectedRevenue() {
    return expectedRevenue;
  }

  public void setExpectedRevenue(BigDecimal expectedRevenue) {
    this.expectedRevenue = expectedRevenue;
  }

  public BigDecimal getProbability() {
    return probability;
  }

  public void setProbability(BigDecimal probability) {
    this.probability = probability;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public LocalDate getDateDeadline() {
    return dateDeadline;
  }

  public void setDateDeadline(LocalDate dateDeadline) {
    this.dateDeadline = dateDeadline;
  }

  public int getPriority() {
    return priority;
  }

  public void setPriority(int priority) {
    this.priority = priority;
  }

  public HrEmployee getSalesperson() {
    return salesperson;
  }

  public void setSalesperson(HrEmployee salesperson) {
    this.salesperson = salesperson;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }
}
