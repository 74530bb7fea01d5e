package dev.autowebhook.records.entity;

import dev.autowebhook.capture.boundary.Tracked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A category that groups products and sets how they are costed and valued. */
@Entity
@Table(name = "product_category")
@Tracked("product.category")
public class ProductCategory extends BusinessRecord {

  @NotBlank(message = "must not be blank")
  @Size(max = 128, message = "must be at most 128 characters")
  @Column(name = "name", nullable = false, length = 128)
  private String name;

  /** The enclosing category, if any. */
  @ManyToOne
  @JoinColumn(name = "parent_id")
  private ProductCategory parent;

  @NotNull(message = "must not be null")
  @Enumerated(EnumType.STRING)
  @Column(name = "cost_method", nullable = false, length = 32)
  private ProductCostMethod costMethod = ProductCostMethod.STANDARD;

  @NotNull(message = "must not be null")
  @Enumerated(EnumType.STRING)
  @Column(name = "valuation", nullable = false, length = 32)
  private ProductValuation valuation = ProductValuation.MANUAL_PERIODIC;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public ProductCategory getParent() {
    return parent;
  }

  public void setParent(ProductCategory parent) {
    this.parent = parent;
  }

  public ProductCostMethod getCostMethod() {
    return costMethod;
  }

  public void setCostMethod(ProductCostMethod costMethod) {
    this.costMethod = costMethod;
  }

  public ProductValuation getValuation() {
    return valuation;
  }

  public void setValuation(ProductValuation valuation) {
    this.valuation = valuation;
  }
}
