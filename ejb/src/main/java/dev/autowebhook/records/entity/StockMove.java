package dev.autowebhook.records.entity;

import dev.autowebhook.platform.Time;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A movement of a quantity of one product between two locations, usually part of a transfer. */
@Entity
@Table(name = "stock_move")
@Tracked("stock.move")
public class StockMove extends BusinessRecord {

  /** Description, usually the product name. */
  @NotBlank(message = "must not be blank")
  @Size(max = 128, message = "must be at most 128 characters")
  @Column(name = "name", nullable = false, length = 128)
  private String name;

  @NotNull(message = "must not be null")
  @ManyToOne(optional = false)
  @JoinColumn(name = "product_id", nullable = false)
  private ProductTemplate product;

  /** The transfer this move is part of, if any. */
  @ManyToOne
  @JoinColumn(name = "picking_id")
  private StockPicking picking;

  @NotNull(message = "must not be null")
  @PositiveOrZero(message = "must not be negative")
  @Digits(integer = 13, fraction = 3,
      message = "must have at most 13 digits before and 3 after the decimal point")
  @Column(name = "quantity", nullable = false, precision = 16, scale = 3)
  private BigDecimal quantity = BigDecimal.ONE;

  /** Unit of measure of the quantity. */
  @NotBlank(message = "must not be blank")
  @Size(max = 32, message = "must be at most 32 characters")
  @Column(name = "uom", nullable = false, length = 32)
  private String uom = "Units";

  /** Where the goods are taken from, e.g. WH/Stock. */
  @Size(max = 64, message = "must be at most 64 characters")
  @Column(name = "source_location", length = 64)
  private String sourceLocation;

  /** Where the goods go, e.g. Partners/Customers. */
  @Size(max = 64, message = "must be at most 64 characters")
  @Column(name = "destination_location", length = 64)
  private String destinationLocation;

  @NotNull(message = "must not be null")
  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 32)
  private StockMoveState state = StockMoveState.DRAFT;

  /** Scheduled date, or the date it was done. */
  @NotNull(message = "must not be null")
  @Column(name = "date", nullable = false)
  private OffsetDateTime date = Time.now().truncatedTo(ChronoUnit.SECONDS);

  /** Source document, e.g. SO0001. */
  @Size(max = 64, message = "must be at most 64 characters")
  @Column(name = "origin", length = 64)
  private String origin;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public ProductTemplate getProduct() {
    return product;
  }

  public void setProduct(ProductTemplate product) {
    this.product = product;
  }

  public StockPicking getPicking() {
    return picking;
  }

  public void setPicking(StockPicking picking) {
    this.picking = picking;
  }

  public BigDecimal getQuantity() {
    return quantity;
  }

  public void setQuantity(BigDecimal quantity) {
    this.quantity = quantity;
  }

  public String getUom() {
    return uom;
  }

  public void setUom(String uom) {
    this.uom = uom;
  }

  public String getSourceLocation() {
    return sourceLocation;
  }

  public void setSourceLocation(String sourceLocation) {
    this.sourceLocation = sourceLocation;
  }

  public String getDestinationLocation() {
    return destinationLocation;
  }

  public void setDestinationLocation(String destinationLocation) {
    this.destinationLocation = destinationLocation;
  }

  public StockMoveState getState() {
    return state;
  }

  public void setState(StockMoveState state) {
    this.state = state;
  }

  public OffsetDateTime getDate() {
    return date;
  }

  public void setDate(OffsetDateTime date) {
    this.date = date;
  }

  public String getOrigin() {
    return origin;
  }

  public void setOrigin(String origin) {
    this.origin = origin;
  }
}
