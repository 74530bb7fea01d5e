package dev.autowebhook.delivery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One try to deliver, append-only: the audit trail of what was sent where and what came back.
 * Written in batches over JDBC by the recorder; JPA only reads it.
 */
@Entity
@Table(name = "aw_attempt")
@NamedQuery(name = "DeliveryAttempt.ofDelivery",
    query = "SELECT a FROM DeliveryAttempt a WHERE a.deliveryId = :delivery ORDER BY a.attemptNo, a.id")
public class DeliveryAttempt {

  @Id private Long id;

  @Column(name = "delivery_id")
  private Long deliveryId;

  @Column(name = "attempt_no")
  private int attemptNo;

  @Enumerated(EnumType.STRING)
  @Column(name = "trigger_kind")
  private AttemptTrigger trigger;

  /** sent, failed or dead: the state the delivery moved to because of this attempt. */
  @Enumerated(EnumType.STRING)
  private DeliveryStatus outcome;

  @Column(name = "started_at")
  private OffsetDateTime startedAt;

  @Column(name = "duration_ms")
  private long durationMs;

  private String url;

  @Column(name = "request_headers")
  private String requestHeaders;

  @Column(name = "status_code")
  private Integer statusCode;

  @Column(name = "response_excerpt")
  private String responseExcerpt;

  @Column(name = "error_class")
  private String errorClass;

  @Column(name = "error_message")
  private String errorMessage;

  private String node;

  /** The batch request this attempt was part of; null when the delivery was sent alone. */
  @Column(name = "batch_id")
  private String batchId;

  public Long getId() {
    return id;
  }

  public Long getDeliveryId() {
    return deliveryId;
  }

  public int getAttemptNo() {
    return attemptNo;
  }

  public AttemptTrigger getTrigger() {
    return trigger;
  }

  public DeliveryStatus getOutcome() {
    return outcome;
  }

  public OffsetDateTime getStartedAt() {
    return startedAt;
  }

  public long getDurationMs() {
    return durationMs;
  }

  public String getUrl() {
    return url;
  }

  public String getRequestHeaders() {
    return requestHeaders;
  }

  public Integer getStatusCode() {
    return statusCode;
  }

  public String getResponseExcerpt() {
    return responseExcerpt;
  }

  public String getErrorClass() {
    return errorClass;
  }

  public String getErrorMessage() {
    return errorMessage;
  }

  public String getNode() {
    return node;
  }

  public String getBatchId() {
    return batchId;
  }
}
