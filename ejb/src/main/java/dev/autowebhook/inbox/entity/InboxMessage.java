package dev.autowebhook.inbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A webhook request received by the built-in inbox, as it arrived. */
@Entity
@Table(name = "aw_inbox")
public class InboxMessage {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "aw_seq")
  @SequenceGenerator(name = "aw_seq", sequenceName = "aw_seq", allocationSize = 1000)
  private Long id;

  @Column(name = "received_at")
  private OffsetDateTime receivedAt;

  @Column(name = "webhook_id")
  private String webhookId;

  /** JSON object of the request headers (credentials masked). */
  private String headers;

  private String body;

  /** Whether the Standard Webhooks signature matched a subscriber secret pointing here. */
  @Column(name = "signature_valid")
  private Boolean signatureValid;

  protected InboxMessage() {}

  public InboxMessage(OffsetDateTime receivedAt, String webhookId, String headers, String body,
      Boolean signatureValid) {
    this.receivedAt = receivedAt;
    this.webhookId = webhookId;
    this.headers = headers;
    this.body = body;
    this.signatureValid = signatureValid;
  }

  public Long getId() {
    return id;
  }

  public OffsetDateTime getReceivedAt() {
    return receivedAt;
  }

  public String getWebhookId() {
    return webhookId;
  }

  public String getHeaders() {
    return headers;
  }

  public String getBody() {
    return body;
  }

  public Boolean getSignatureValid() {
    return signatureValid;
  }
}
