package dev.autowebhook.payload.entity;

import dev.autowebhook.platform.Time;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * Handlebars text that renders a webhook request body, optionally meant for one model. Versioned,
 * so that a compiled template is cached per id and version and an edit is never served stale.
 */
@Entity
@Table(name = "aw_template")
@NamedQuery(name = "PayloadTemplate.all", query = "SELECT t FROM PayloadTemplate t ORDER BY t.name")
@NamedQuery(name = "PayloadTemplate.byName",
    query = "SELECT t FROM PayloadTemplate t WHERE t.name = :name")
public class PayloadTemplate {

  /** Largest body accepted, in characters. */
  public static final int MAX_BODY = 64 * 1024;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "aw_seq")
  @SequenceGenerator(name = "aw_seq", sequenceName = "aw_seq", allocationSize = 1000)
  private Long id;

  @Version private long version;

  @NotBlank(message = "must not be blank")
  @Size(max = 100, message = "must be at most 100 characters")
  private String name;

  @NotBlank(message = "must not be blank")
  @Size(max = MAX_BODY, message = "must be at most 65536 characters")
  @Column(nullable = false)
  private String body;

  /** The model key the template is written for (e.g. sale.order), or null for any model. */
  @Size(max = 64, message = "must be at most 64 characters")
  private String model;

  @Column(name = "created_at", updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at")
  private OffsetDateTime updatedAt;

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

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public String getModel() {
    return model;
  }

  public void setModel(String model) {
    this.model = model;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }
}
