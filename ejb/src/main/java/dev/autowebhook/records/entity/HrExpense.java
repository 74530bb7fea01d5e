package dev.autowebhook.records.entity;

import dev.autowebhook.capture.boundary.Tracked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** An expense paid by or for an employee, to be approved and reimbursed. */
@Entity
@Table(name = "hr_expense")
@Tracked("hr.expense")
public class HrExpense extends BusinessRecord {

  /** What the expense was for. */
  @NotBlank(message = "must not be blank")
  @Size(max = 128, message = "must be at most 128 characters")
  @Column(name = "name", nullable = false, length = 128)
  private String name;

  @NotNull(message = "must not be null")
  @ManyToOne(optional = false)
  @JoinColumn(name = "employee_id", nullable = false)
  private HrEmployee employee;

  /** The expense category product, e.g. Travel. */
  @ManyToOne
  @JoinColumn(name = "product_id")
  private ProductTemplate product;

  /** When the expense was made. */
  @NotNull(message = "must not be null")
  @Column(name = "date", nullable = false)
  private LocalDate date = LocalDate.now(ZoneOffset.UTC);

  @NotNull(message = "must not be null")
  @PositiveOrZero(message = "must not be negative")
  @Digits(integer = 13, fraction = 3,
      message = "must have at most 13 digits before and 3 after the decimal point")
  @Column(name = "quantity", nullable = false, precision = 16, scale = 3)
  private BigDecimal quantity = BigDecimal.ONE;

  @NotNull(message = "must not be null")
  @PositiveOrZero(message = "must not be negative")
  @Digits(integer = 14, fraction = 2,
      message = "must have at most 14 digits before and 2 after the decimal point")
  @Column(name = "price_unit", nullable = false, precision = 16, scale = 2)
  private BigDecimal priceUnit = BigDecimal.ZERO;

  /** quantity * price_unit, rounded to cents. */
  @Computed
  @Column(name = "total_amount", nullable = false, precision = 16, scale = 2)
  private BigDecimal totalAmount = BigDecimal.ZERO;

  /** ISO 4217 currency code of the amounts. */
  @NotNull(message = "must not be null")
  @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
  @Column(name = "currency", nullable = false, length = 3)
  private String currency = "EUR";

  @NotNull(message = "must not be null")
  @Enumerated(EnumType.STRING)
  @Column(name = "payment_mode", nullable = false, length = 32)
  private HrExpensePaymentMode paymentMode = HrExpensePaymentMode.OWN_ACCOUNT;

  @NotNull(message = "must not be null")
  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 32)
  private HrExpenseState state = HrExpenseState.DRAFT;

  /** Receipt or bill number. */
  @Size(max = 64, message = "must be at most 64 characters")
  @Column(name = "reference", length = 64)
  private String reference;

  @Size(max = 1000, message = "must be at most 1000 characters")
  @Column(name = "description", length = 1000)
  private String description;

  /** Recomputes the total amount from quantity and unit price. */
  @Override
  public void recompute() {
    totalAmount = Amounts.subtotal(quantity, priceUnit, BigDecimal.ZERO);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public HrEmployee getEmployee() {
    return employee;
  }

  public void setEmployee(HrEmployee employee) {
    this.employee = employee;
  }

  public ProductTemplate getProduct() {
    return product;
  }

  public void setProduct(ProductTemplate product) {
    this.product = product;
  }

  public LocalDate getDate() {
    return date;
  }

  public void setDate(LocalDate date) {
    this.date = date;
  }

  public BigDecimal getQuantity() {
    return quantity;
  }

  public void setQuantity(BigDecimal quantity) {
    this.quantity = quantity;
  }

  public BigDecimal getPriceUnit() {
    return priceUnit;
  }

  public void setPriceUnit(BigDecimal priceUnit) {
    this.priceUnit = priceUnit;
  }

  public BigDecimal getTotalAmount() {
    return totalAmount;
  }

  public void setTotalAmount(BigDecimal totalAmount) {
    this.totalAmount = totalAmount;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public HrExpensePaymentMode getPaymentMode() {
    return paymentMode;
  }

  public void setPaymentMode(HrExpensePaymentMode paymentMode) {
    this.paymentMode = paymentMode;
  }

  public HrExpenseState getState() {
    return state;
  }

  public void setState(HrExpenseState state) {
    this.state = state;
  }

  public String getReference() {
    return reference;
  }

  public void setReference(String reference) {
    this.reference = reference;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
