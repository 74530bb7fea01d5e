package dev.autowebhook.records.entity;

import dev.autowebhook.platform.Time;
import dev.autowebhook.capture.control.ChangeListener;
import dev.autowebhook.capture.entity.CapturedState;
import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Base of the tracked business records: identity, optimistic version, audit timestamps, and the
 * state captured at load so that updates carry old values. Subclasses add {@code @Tracked}.
 */
@MappedSuperclass
@EntityListeners(ChangeListener.class)
public abstract class BusinessRecord implements CapturedState {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "record_seq")
  @SequenceGenerator(name = "record_seq", sequenceName = "record_seq", allocationSize = 1000)
  private Long id;

  @Version
  @Column(nullable = false)
  private long version;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Transient
  private transient Map<String, Object> capturedState;

  /** Recomputes {@link Computed} fields from the record's other fields and lines. */
  public void recompute() {}

  @PrePersist
  void beforeInsert() {
    createdAt = Time.now();
    updatedAt = createdAt;
  }

  @PreUpdate
  void beforeUpdate() {
    updatedAt = Time.now();
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }

  @Override
  public Map<String, Object> capturedState() {
    return capturedState;
  }

  @Override
  public void capturedState(Map<String, Object> state) {
    this.capturedState = state;
  }
}
