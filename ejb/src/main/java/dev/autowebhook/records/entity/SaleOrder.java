package dev.autowebhook.records.entity;

import dev.autowebhook.platform.Time;
import dev.autowebhook.capture.boundary.Tracked;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** A sales order (a quotation until confirmed) to a customer, with its lines and totals. */
@Entity
@Table(name = "sale_order")
@Tracked("sale.order")
public class SaleOrder extends BusinessRecord {

  /** Order reference, e.g. SO0001. */
  @NotBlank(message = "must not be blank")
  @Size(max = 64, message = "must be at most 64 characters")
  @Column(name = "name", nullable = false, length = 64, unique = true)
  private String name;

  /** The customer. */
  @NotNull(message = "must not be null")
  @ManyToOne(optional = false)
  @JoinColumn(name = "partner_id", nullable = false)
  private Partner partner;

  @NotNull(message = "must not be null")
  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 32)
  private SaleOrderState state = SaleOrderState.DRAFT;

  /** When the order was placed. */
  @NotNull(message = "must not be null")
  @Column(name = "date_order", nullable = false)
  private OffsetDateTime dateOrder =
      Time.now().truncatedTo(ChronoUnit.SECONDS);

  /** Until when the quotation is valid. */
  @Column(name = "validity_date")
  private LocalDate validityDate;

  /** ISO 4217 currency code of the amounts. */
  @NotNull(message = "must not be null")
  @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
  @Column(name = "currency", nullable = false, length = 3)
  private String currency = "EUR";

  /** The customer's own reference for the order. */
  @Size(max = 64, message = "must be at most 64 characters")
  @Column(name = "client_order_ref", length = 64)
  private String clientOrderRef;

  /** Source document, e.g. a lead or a contract. */
  @Size(max = 64, message = "must be at most 64 characters")
  @Column(name = "origin", length = 64)
  private String origin;

  @ManyToOne
  @JoinColumn(name = "salesperson_id")
  private HrEmployee salesperson;

  /** Terms and conditions. */
  @Size(max = 2000, message = "must be at most 2000 characters")
  @Column(name = "note", length = 2000)
  private String note;

  /** Sum of the line subtotals. */
  @Computed
  @Column(name = "amount_untaxed", nullable = false, precision = 16, scale = 2)
  private BigDecimal amountUntaxed = BigDecimal.ZERO;

  /** Sum of the line taxes. */
  @Computed
  @Column(name = "amount_tax", nullable = false, precision = 16, scale = 2)
  private BigDecimal amountTax = BigDecimal.ZERO;

  /** Untaxed amount plus tax. */
  @Computed
  @Column(name = "amount_total", nullable = false, precision = 16, scale = 2)
  private BigDecimal amountTotal = BigDecimal.ZERO;

  @Valid
  @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<SaleOrderLine> lines = new ArrayList<>();

  /** Recomputes the line subtotals and the untaxed, tax and total amounts. */
  @Override
  public void recompute() {
    Amounts.Totals totals = Amounts.totals(lines);
    amountUntaxed = totals.untaxed();
    amountTax = totals.tax();
    amountTotal = totals.total();
  }

  /** Adds a line to this record and sets the line's back reference. */
  public void addLine(SaleOrderLine line) {
    line.setOrder(this);
    lines.add(line);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Partner getPartner() {
    return partner;
  }

  public void setPartner(Partner partner) {
    this.partner = partner;
  }

  public SaleOrderState getState() {
    return state;
  }

  public void setState(SaleOrderState state) {
    this.state = state;
  }

  public OffsetDateTime getDateOrder() {
    return dateOrder;
  }

  public void setDateOrder(OffsetDateTime dateOrder) {
    this.dateOrder = dateOrder;
  }

  public LocalDate getValidityDate() {
    return validityDate;
  }

  public void setValidityDate(LocalDate validityDate) {
    this.validityDate = validityDate;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public String getClientOrderRef() {
    return clientOrderRef;
  }

  public void setClientOrderRef(String clientOrderRef) {
    this.clientOrderRef = clientOrderRef;
  }

  public String getOrigin() {
    return origin;
  }

  public void setOrigin(String origin) {
    this.origin = origin;
  }

  public HrEmployee getSalesperson() {
    return salesperson;
  }

  public void setSalesperson(HrEmployee salesperson) {
    this.salesperson = salesperson;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public BigDecimal getAmountUntaxed() {
    return amountUntaxed;
  }

  public void setAmountUntaxed(BigDecimal amountUntaxed) {
    this.amountUntaxed = amountUntaxed;
  }

  public BigDecimal getAmountTax() {
    return amountTax;
  }

  public void setAmountTax(BigDecimal amountTax) {
    this.amountTax = amountTax;
  }

  public BigDecimal getAmountTotal() {
    return amountTotal;
  }

  public void setAmountTotal(BigDecimal amountTotal) {
    this.amountTotal = amountTotal;
  }

  public List<SaleOrderLine> getLines() {
    return lines;
  }

  public void setLines(List<SaleOrderLine> lines) {
    this.lines = lines;
  }
}
