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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A transfer of goods: a receipt from a vendor, a delivery to a customer or an internal move. */
@Entity
@Table(name = "stock_picking")
@Tracked("stock.picking")
public class StockPicking extends BusinessRecord {

  /** Transfer reference, e.g. WH/OUT/00001. */
  @NotBlank(message = "must not be blank")
  @Size(max = 64, message = "must be at most 64 characters")
  @Column(name = "name", nullable = false, length = 64)
  private String name;

  @NotNull(message = "must not be null")
  @Enumerated(EnumType.STRING)
  @Column(name = "picking_type", nullable = false, length = 32)
  private StockPickingType pickingType = StockPickingType.INCOMING;

  @NotNull(message = "must not be null")
  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 32)
  private StockPickingState state = StockPickingState.DRAFT;

  /** Who the goods come from or go to. */
  @ManyToOne
  @JoinColumn(name = "partner_id")
  private Partner partner;

  /** Source document, e.g. SO0001. */
  @Size(max = 64, message = "must be at most 64 characters")
  @Column(name = "origin", length = 64)
  private String origin;

  /** Where the goods are taken from, e.g. WH/Stock. */
  @Size(max = 64, message = "must be at most 64 characters")
  @Column(name = "source_location", length = 64)
  private String sourceLocation;

  /** Where the goods go, e.g. Partners/Customers. */
  @Size(max = 64, message = "must be at most 64 characters")
  @Column(name = "destination_location", length = 64)
  private String destinationLocation;

  @NotNull(message = "must not be null")
  @Column(name = "scheduled_date", nullable = false)
  private OffsetDateTime scheduledDate =
      Time.now().truncatedTo(ChronoUnit.SECONDS);

  /** When the transfer was validated. */
  @Column(name = "date_done")
  private OffsetDateTime dateDone;

  /** Tracking number of the carrier. */
  @Size(max = 64, message = "must be at most 64 characters")
  @Column(name = "carrier_tracking_ref", length = 64)
  private String carrierTrackingRef;

  @Size(max = 2000, message = "must be at most 2000 characters")
  @Column(name = "note", length = 2000)
  private String note;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public StockPickingType getPickingType() {
    return pickingType;
  }

  public void setPickingType(StockPickingType pickingType) {
    this.pickingType = pickingType;
  }

  public StockPickingState getState() {
    return state;
  }

  public void setState(StockPickingState state) {
    this.state = state;
  }

  public Partner getPartner() {
    return partner;
  }

  public void setPartner(Partner partner) {
    this.partner = partner;
  }

  public String getOrigin() {
    return origin;
  }

  public void setOrigin(String origin) {
    this.origin = origin;
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

  public OffsetDateTime getScheduledDate() {
    return scheduledDate;
  }

  public void setScheduledDate(OffsetDateTime scheduledDate) {
    this.scheduledDate = scheduledDate;
  }

  public OffsetDateTime getDateDone() {
    return dateDone;
  }

  public void setDateDone(OffsetDateTime dateDone) {
    this.dateDone = dateDone;
  }

  public String getCarrierTrackingRef() {
    return carrierTrackingRef;
  }

  public void setCarrierTrackingRef(String carrierTrackingRef) {
    this.carrierTrackingRef = carrierTrackingRef;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
