package dev.autowebhook.records.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** One line of an accounting move (an invoice line). */
@Entity
@Table(name = "account_move_line")
public class AccountMoveLine extends RecordLine implements PricedLine {

  /** The record this line belongs to. */
  @NotNull(message = "must not be null")
  @ManyToOne(optional = false)
  @JoinColumn(name = "move_id", nullable = false)
  private AccountMove move;

  /** The product sold or bought, if any. */
  @ManyToOne
  @JoinColumn(name = "product_id")
  private ProductTemplate product;

  /** Line label shown on the document. */
  @Size(max = 256, message = "must be at most 256 characters")
  @Column(name = "description", length = 256)
  private String description;

  /** Code of the account the line is booked on, e.g. 400000. */
  @Size(max = 16, message = "must be at most 16 characters")
  @Column(name = "account_code", length = 16)
  private String accountCode;

  @NotNull(message = "must not be null")
  @PositiveOrZero(message = "must not be negative")
  @Digits(integer = 13, fraction = 3,
      message = "must have at most 13 digits before and 3 after the decimal point")
  @Column(name = "quantity", nullable = false, precision = 16, scale = 3)
  private BigDecimal quantity = BigDecimal.ONE;

  /** Unit price before discount and tax. */
  @NotNull(message = "must not be null")
  @Digits(integer = 14, fraction = 2,
      message = "must have at most 14 digits before and 2 after the decimal point")
  @Column(name = "price_unit", nullable = false, precision = 16, scale = 2)
  private BigDecimal priceUnit = BigDecimal.ZERO;

  /** Discount in percent (0 to 100). */
  @NotNull(message = "must not be null")
  @DecimalMin(value = "0", message = "must be between 0 and 100")
  @DecimalMax(value = "100", message = "must be between 0 and 100")
  @Digits(integer = 3, fraction = 2,
      message = "must have at most 3 digits before and 2 after the decimal point")
  @Column(name = "discount", nullable = false, precision = 5, scale = 2)
  private BigDecimal discount = BigDecimal.ZERO;

  /** Tax rate in percent (0 to 100) applied to the subtotal. */
  @NotNull(message = "must not be null")
  @DecimalMin(value = "0", message = "must be between 0 and 100")
  @DecimalMax(value = "100", message = "must be between 0 and 100")
  @Digits(integer = 3, fraction = 2,
      message = "must have at most 3 digits before and 2 after the decimal point")
  @Column(name = "tax_rate", nullable = false, precision = 5, scale = 2)
  private BigDecimal taxRate = BigDecimal.ZERO;

  /** quantity * price_unit * (1 - discount / 100), rounded to cents. */
  @Computed
  @Column(name = "price_subtotal", nullable = false, precision = 16, scale = 2)
  private BigDecimal priceSubtotal = BigDecimal.ZERO;

  /** Recomputes the subtotal from quantity, unit price and discount. */
  @Override
  public void recompute() {
    priceSubtotal = Amounts.subtotal(quantity, priceUnit, discount);
  }

  public AccountMove getMove() {
    return move;
  }

  public void setMove(AccountMove move) {
    this.move = move;
  }

  public ProductTemplate getProduct() {
    return product;
  }

  public void setProduct(ProductTemplate product) {
    this.product = product;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getAccountCode() {
    return accountCode;
  }

  public void setAccountCode(String accountCode) {
    this.accountCode = accountCode;
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

  public BigDecimal getDiscount() {
    return discount;
  }

  public void setDiscount(BigDecimal discount) {
    this.discount = discount;
  }

  public BigDecimal getTaxRate() {
    return taxRate;
  }

  public void setTaxRate(BigDecimal taxRate) {
    this.taxRate = taxRate;
  }

  public BigDecimal getPriceSubtotal() {
    return priceSubtotal;
  }

  public void setPriceSubtotal(BigDecimal priceSubtotal) {
    this.priceSubtotal = priceSubtotal;
  }
}
