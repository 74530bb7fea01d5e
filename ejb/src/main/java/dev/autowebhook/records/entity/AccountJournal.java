package dev.autowebhook.records.entity;

import dev.autowebhook.capture.boundary.Tracked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An accounting journal (sales, purchases, bank, cash or miscellaneous) in which moves are
 * recorded.
 */
@Entity
@Table(name = "account_journal")
@Tracked("account.journal")
public class AccountJournal extends BusinessRecord {

  @NotBlank(message = "must not be blank")
  @Size(max = 64, message = "must be at most 64 characters")
  @Column(name = "name", nullable = false, length = 64)
  private String name;

  /** Short code used as prefix of the move numbers, e.g. INV. */
  @NotNull(message = "must not be null")
  @Size(max = 5, message = "must be at most 5 characters")
  @Pattern(regexp = "[A-Z0-9]+",
      message = "must be upper-case letters and digits such as INV or BNK1")
  @Column(name = "code", nullable = false, length = 5, unique = true)
  private String code;

  @NotNull(message = "must not be null")
  @Enumerated(EnumType.STRING)
  @Column(name = "type", nullable = false, length = 32)
  private AccountJournalType type = AccountJournalType.SALE;

  /** ISO 4217 currency code of the amounts. */
  @NotNull(message = "must not be null")
  @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
  @Column(name = "currency", nullable = false, length = 3)
  private String currency = "EUR";

  /** IBAN or account number of a bank journal. */
  @Size(max = 34, message = "must be at most 34 characters")
  @Column(name = "bank_account", length = 34)
  private String bankAccount;

  /** Code of the account used by default, e.g. 400000. */
  @Size(max = 16, message = "must be at most 16 characters")
  @Column(name = "default_account_code", length = 16)
  private String defaultAccountCode;

  /** False for archived journals. */
  @Column(name = "active", nullable = false)
  private boolean active = true;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public AccountJournalType getType() {
    return type;
  }

  public void setType(AccountJournalType type) {
    this.type = type;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public String getBankAccount() {
    return bankAccount;
  }

  public void setBankAccount(String bankAccount) {
    this.bankAccount = bankAccount;
  }

  public String getDefaultAccountCode() {
    return defaultAccountCode;
  }

  public void setDefaultAccountCode(String defaultAccountCode) {
    this.defaultAccountCode = defaultAccountCode;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }
}
