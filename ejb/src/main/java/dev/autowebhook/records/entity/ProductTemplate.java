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
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A product or service that can be sold, bought or stocked. */
@Entity
@Table(name = "product_template")
@Tracked("product.template")
public class ProductTemplate extends BusinessRecord {

  @NotBlank(message = "must not be blank")
  @Size(max = 128, message = "must be at most 128 characters")
  @Column(name = "name", nullable = false, length = 128)
  private String name;

  /** Internal reference (SKU). */
  @Size(max = 64, message = "must be at most 64 characters")
  @Column(name = "default_code", length = 64)
  private String defaultCode;

  @Size(max = 64, message = "must be at most 64 characters")
  @Column(name = "barcode", length = 64)
  private String barcode;

  @NotNull(message = "must not be null")
  @Enumerated(EnumType.STRING)
  @Column(name = "type", nullable = false, length = 32)
  private ProductType type = ProductType.CONSU;

  @ManyToOne
  @JoinColumn(name = "category_id")
  private ProductCategory category;

  /** Sales price. */
  @NotNull(message = "must not be null")
  @PositiveOrZero(message = "must not be negative")
  @Digits(integer = 14, fraction = 2,
      message = "must have at most 14 digits before and 2 after the decimal point")
  @Column(name = "list_price", nullable = false, precision = 16, scale = 2)
  private BigDecimal listPrice = BigDecimal.ZERO;

  /** Cost. */
  @NotNull(message = "must not be null")
  @PositiveOrZero(message = "must not be negative")
  @Digits(integer = 14, fraction = 2,
      message = "must have at most 14 digits before and 2 after the decimal point")
  @Column(name = "standard_price", nullable = false, precision = 16, scale = 2)
  private BigDecimal standardPrice = BigDecimal.ZERO;

  /** Unit of measure, e.g. Units, kg, Hours. */
  @NotBlank(message = "must not be blank")
  @Size(max = 32, message = "must be at most 32 characters")
  @Column(name = "uom", nullable = false, length = 32)
  private String uom = "Units";

  /** Whether the product can be sold. */
  @Column(name = "sale_ok", nullable = false)
  private boolean saleOk = true;

  /** Whether the product can be bought. */
  @Column(name = "purchase_ok", nullable = false)
  private boolean purchaseOk = true;

  @Size(max = 1000, message = "must be at most 1000 characters")
  @Column(name = "description", length = 1000)
  private String description;

  /** False for archived products. */
  @Column(name = "active", nullable = false)
  private boolean active = true;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDefaultCode() {
    return defaultCode;
  }

  public void setDefaultCode(String defaultCode) {
    this.defaultCode = defaultCode;
  }

  public String getBarcode() {
    return barcode;
  }

  public void setBarcode(String barcode) {
    this.barcode = barcode;
  }

  public ProductType getType() {
    return type;
  }

  public void setType(ProductType type) {
    this.type = type;
  }

  public ProductCategory getCategory() {
    return category;
  }

  public void setCategory(ProductCategory category) {
    this.category = category;
  }

  public BigDecimal getListPrice() {
    return listPrice;
  }

  public void setListPrice(BigDecimal listPrice) {
    this.listPrice = listPrice;
  }

  public BigDecimal getStandardPrice() {
    return standardPrice;
  }

  public void setStandardPrice(BigDecimal standardPrice) {
    this.standardPrice = standardPrice;
  }

  public String getUom() {
    return uom;
  }

  public void setUom(String uom) {
    this.uom = uom;
  }

  public boolean isSaleOk() {
    return saleOk;
  }

  public void setSaleOk(boolean saleOk) {
    this.saleOk = saleOk;
  }

  public boolean isPurchaseOk() {
    return purchaseOk;
  }

  public void setPurchaseOk(boolean purchaseOk) {
    this.purchaseOk = purchaseOk;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }
}
