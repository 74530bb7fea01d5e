package dev.autowebhook.records.entity;

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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An accounting move: a customer or vendor invoice, a credit note or a plain journal entry, with
 * its lines and totals.
 */
@Entity
@Table(name = "account_move")
@Tracked("account.move")
public class AccountMove extends BusinessRecord {

  /** Move number, e.g. INV/2026/00001; empty while a draft has none. */
  @Size(max = 64, message = "must be at most 64 characters")
  @Column(name = "name", length = 64)
  private String name;

  /** External reference, e.g. the vendor's bill number. */
  @Size(max = 64, message = "must be at most 64 characters")
  @Column(name = "ref", length = 64)
  private String ref;

  @NotNull(message = "must not be null")
  @Enumerated(EnumType.STRING)
  @Column(name = "move_type", nullable = false, length = 32)
  private AccountMoveType moveType = AccountMoveType.ENTRY;

  @NotNull(message = "must not be null")
  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 32)
  private AccountMoveState state = AccountMoveState.DRAFT;

  @ManyToOne
  @JoinColumn(name = "partner_id")
  private Partner partner;

  @ManyToOne
  @JoinColumn(name = "journal_id")
  private AccountJournal journal;

  @Column(name = "invoice_date")
  private LocalDate invoiceDate;

  @Column(name = "invoice_date_due")
  private LocalDate invoiceDateDue;

  @NotNull(message = "must not be null")
  @Enumerated(EnumType.STRING)
  @Column(name = "payment_state", nullable = false, length = 32)
  private AccountMovePaymentState paymentState = AccountMovePaymentState.NOT_PAID;

  /** ISO 4217 currency code of the amounts. */
  @NotNull(message = "must not be null")
  @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
  @Column(name = "currency", nullable = false, length = 3)
  private String currency = "EUR";

  /** Source document, e.g. the sales order name. */
  @Size(max = 64, message = "must be at most 64 characters")
  @Column(name = "invoice_origin", length = 64)
  private String invoiceOrigin;

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

  /** What is still to be paid. */
  @Computed
  @Column(name = "amount_residual", nullable = false, precision = 16, scale = 2)
  private BigDecimal amountResidual = BigDecimal.ZERO;

  @Valid
  @OneToMany(mappedBy = "move", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<AccountMoveLine> lines = new ArrayList<>();

  /**
   * Recomputes the line subtotals and the untaxed, tax and total amounts; the residual is the
   * total until the move is paid (or reversed), then zero.
   */
  @Override
  public void recompute() {
    Amounts.Totals totals = Amounts.totals(lines);
    amountUntaxed = totals.untaxed();
    amountTax = totals.tax();
    amountTotal = totals.total();
    amountResidual = paymentState == AccountMovePaymentState.PAID
        || paymentState == AccountMovePaymentState.REVERSED ? Amounts.ZERO : amountTotal;
  }

  /** Adds a line to this record and sets the line's back reference. */
  public void addLine(AccountMoveLine line) {
    line.setMove(this);
    lines.add(line);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getRef() {
    return ref;
  }

  public void setRef(String ref) {
    this.ref = ref;
  }

  public AccountMoveType getMoveType() {
    return moveType;
  }

  public void setMoveType(AccountMoveType moveType) {
    this.moveType = moveType;
  }

  public AccountMoveState getState() {
    return state;
  }

  public void setState(AccountMoveState state) {
    this.state = state;
  }

  public Partner getPartner() {
    return partner;
  }

  public void setPartner(Partner partner) {
    this.partner = partner;
  }

  public AccountJournal getJournal() {
    return journal;
  }

  public void setJournal(AccountJournal journal) {
    this.journal = journal;
  }

  public LocalDate getInvoiceDate() {
    return invoiceDate;
  }

  public void setInvoiceDate(LocalDate invoiceDate) {
    this.invoiceDate = invoiceDate;
  }

  public LocalDate getInvoiceDateDue() {
    return invoiceDateDue;
  }

  public void setInvoiceDateDue(LocalDate invoiceDateDue) {
    this.invoiceDateDue = invoiceDateDue;
  }

  public AccountMovePaymentState getPaymentState() {
    return paymentState;
  }

  public void setPaymentState(AccountMovePaymentState paymentState) {
    this.paymentState = paymentState;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public String getInvoiceOrigin() {
    return invoiceOrigin;
  }

  public void setInvoiceOrigin(String invoiceOrigin) {
    this.invoiceOrigin = invoiceOrigin;
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

  public BigDecimal getAmountResidual() {
    return amountResidual;
  }

  public void setAmountResidual(BigDecimal amountResidual) {
    this.amountResidual = amountResidual;
  }

  public List<AccountMoveLine> getLines() {
    return lines;
  }

  public void setLines(List<AccountMoveLine> lines) {
    this.lines = lines;
  }
}
