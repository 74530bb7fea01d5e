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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A payment received from a customer or sent to a vendor. */
@Entity
@Table(name = "account_payment")
@Tracked("account.payment")
public class AccountPayment extends BusinessRecord {

  /** Payment number, e.g. PBNK1/2026/00001; empty while a draft has none. */
  @Size(max = 64, message = "must be at most 64 characters")
  @Column(name = "name", length = 64)
  private String name;

  @NotNull(message = "must not be null")
  @Enumerated(EnumType.STRING)
  @Column(name = "payment_type", nullable = false, length = 32)
  private AccountPaymentType paymentType = AccountPaymentType.INBOUND;

  @NotNull(message = "must not be null")
  @Enumerated(EnumType.STRING)
  @Column(name = "partner_type", nullable = false, length = 32)
  private AccountPaymentPartnerType partnerType = AccountPaymentPartnerType.CUSTOMER;

  @ManyToOne
  @JoinColumn(name = "partner_id")
  private Partner partner;

  /** The bank or cash journal of the payment. */
  @ManyToOne
  @JoinColumn(name = "journal_id")
  private AccountJournal journal;

  /** The invoice this payment settles, if any. */
  @ManyToOne
  @JoinColumn(name = "invoice_id")
  private AccountMove invoice;

  @NotNull(message = "must not be null")
  @PositiveOrZero(message = "must not be negative")
  @Digits(integer = 14, fraction = 2,
      message = "must have at most 14 digits before and 2 after the decimal point")
  @Column(name = "amount", nullable = false, precision = 16, scale = 2)
  private BigDecimal amount = BigDecimal.ZERO;

  /** ISO 4217 currency code of the amounts. */
  @NotNull(message = "must not be null")
  @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
  @Column(name = "currency", nullable = false, length = 3)
  private String currency = "EUR";

  /** Payment date. */
  @NotNull(message = "must not be null")
  @Column(name = "date", nullable = false)
  private LocalDate date = LocalDate.now(ZoneOffset.UTC);

  /** Payment reference communicated to the bank. */
  @Size(max = 128, message = "must be at most 128 characters")
  @Column(name = "memo", length = 128)
  private String memo;

  @NotNull(message = "must not be null")
  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 32)
  private AccountPaymentState state = AccountPaymentState.DRAFT;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public AccountPaymentType getPaymentType() {
    return paymentType;
  }

  public void setPaymentType(AccountPaymentType paymentType) {
    this.paymentType = paymentType;
  }

  public AccountPaymentPartnerType getPartnerType() {
    return partnerType;
  }

  public void setPartnerType(AccountPaymentPartnerType partnerType) {
    this.partnerType = partnerType;
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

  public AccountMove getInvoice() {
    return invoice;
  }

  public void setInvoice(AccountMove invoice) {
    this.invoice = invoice;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public void setAmount(BigDecimal amount) {
    this.amount = amount;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public LocalDate getDate() {
    return date;
  }

  public void setDate(LocalDate date) {
    this.date = date;
  }

  public String getMemo() {
    return memo;
  }

  public void setMemo(String memo) {
    this.memo = memo;
  }

  public AccountPaymentState getState() {
    return state;
  }

  public void setState(AccountPaymentState state) {
    this.state = state;
  }
}
