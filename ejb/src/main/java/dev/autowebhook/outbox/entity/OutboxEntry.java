package dev.autowebhook.outbox.entity;

import dev.autowebhook.capture.entity.ChangeKind;
import dev.autowebhook.subscription.entity.Priority;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One captured change, immutable once written: the envelope that every subscriber receives
 * (unless a template reshapes it) is stored as it was at commit, so retries send the same bytes.
 */
@Entity
@Table(name = "aw_event")
@NamedQuery(name = "OutboxEntry.byUid", query = "SELECT e FROM OutboxEntry e WHERE e.uid = :uid")
public class OutboxEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "aw_seq")
  @SequenceGenerator(name = "aw_seq", sequenceName = "aw_seq", allocationSize = 1000)
  private Long id;

  /** Public id: the Standard Webhooks {@code webhook-id} and the receivers' idempotency key. */
  @Column(nullable = false, updatable = false)
  private String uid;

  @Column(nullable = false, updatable = false)
  private String model;

  @Column(name = "record_id", nullable = false, updatable = false)
  private String recordId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private ChangeKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Priority priority;

  @Column(updatable = false)
  private String category;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private OffsetDateTime occurredAt;

  /** The JSON envelope: id, model, record_id, event, timestamp, priority, category, data, changes. */
  @Column(nullable = false, updatable = false)
  private String payload;

  protected OutboxEntry() {}

  public OutboxEntry(String uid, String model, String recordId, ChangeKind kind, Priority priority,
      String category, OffsetDateTime occurredAt, String payload) {
    this.uid = uid;
    this.model = model;
    this.recordId = recordId;
    this.kind = kind;
    this.priority = priority;
    this.category = category;
    this.occurredAt = occurredAt;
    this.payload = payload;
  }

  public Long getId() {
    return id;
  }

  public String getUid() {
    return uid;
  }

  public String getModel() {
    return model;
  }

  public String getRecordId() {
    return recordId;
  }

  public ChangeKind getKind() {
    return kind;
  }

  public Priority getPriority() {
    return priority;
  }

  public String getCategory() {
    return category;
  }

  public OffsetDateTime getOccurredAt() {
    return occurredAt;
  }

  public String getPayload() {
    return payload;
  }
}
