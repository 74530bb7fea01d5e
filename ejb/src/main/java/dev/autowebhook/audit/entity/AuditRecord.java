package dev.autowebhook.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Who did what to which object, and when. Append-only; never holds a secret. */
@Entity
@Table(name = "aw_audit")
public class AuditRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "aw_seq")
  @SequenceGenerator(name = "aw_seq", sequenceName = "aw_seq", allocationSize = 1000)
  private Long id;

  @Column(name = "occurred_at")
  private OffsetDateTime occurredAt;

  private String actor;
  private String action;

  @Column(name = "target_type")
  private String targetType;

  @Column(name = "target_id")
  private String targetId;

  private String detail;

  protected AuditRecord() {}

  public AuditRecord(OffsetDateTime occurredAt, String actor, String action, String targetType,
      String targetId, String detail) {
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.action = action;
    this.targetType = targetType;
    this.targetId = targetId;
    this.detail = detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 4000);
  }

  public Long getId() {
    return id;
  }

  public OffsetDateTime getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public String getAction() {
    return action;
  }

  public String getTargetType() {
    return targetType;
  }

  public String getTargetId() {
    return targetId;
  }

  public String getDetail() {
    return detail;
  }
}
