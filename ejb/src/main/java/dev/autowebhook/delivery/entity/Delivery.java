package dev.autowebhook.delivery.entity;

import dev.autowebhook.platform.Time;
import dev.autowebhook.outbox.entity.OutboxEntry;
import dev.autowebhook.subscription.entity.Subscriber;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The state of one event for one subscriber: status, attempts so far, when the next attempt is
 * due and which node holds its lease while an attempt is in flight.
 */
@Entity
@Table(name = "aw_delivery")
public class Delivery {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "aw_seq")
  @SequenceGenerator(name = "aw_seq", sequenceName = "aw_seq", allocationSize = 1000)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "event_id")
  private OutboxEntry event;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "subscriber_id")
  private Subscriber subscriber;

  @Column(name = "subscriber_id", insertable = false, updatable = false)
  private Long subscriberId;

  @Column(name = "event_id", insertable = false, updatable = false)
  private Long eventId;

  @Enumerated(EnumType.STRING)
  private DeliveryStatus status = DeliveryStatus.PENDING;

  @Column(name = "priority_rank")
  private int priorityRank;

  private int attempts;

  @Column(name = "next_attempt_at")
  private OffsetDateTime nextAttemptAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "next_trigger")
  private AttemptTrigger nextTrigger = AttemptTrigger.AUTOMATIC;

  @Column(name = "lease_owner")
  private String leaseOwner;

  @Column(name = "lease_until")
  private OffsetDateTime leaseUntil;

  @Column(name = "last_status_code")
  private Integer lastStatusCode;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "sent_at")
  private OffsetDateTime sentAt;

  @Column(name = "created_at", updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at")
  private OffsetDateTime updatedAt;

  /** The body rendered by the config's template; null means the event's envelope. */
  private String body;

  /** The model key when the config batches deliveries; null means sent alone. */
  @Column(name = "batch_key")
  private String batchKey;

  protected Delivery() {}

  public Delivery(OutboxEntry event, Subscriber subscriber, OffsetDateTime now) {
    this.event = event;
    this.subscriber = subscriber;
    this.priorityRank = event.getPriority().rank();
    this.nextAttemptAt = now;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Sends this rendered body instead of the envelope (a payload template); null: the envelope. */
  public Delivery withBody(String rendered) {
    this.body = rendered;
    return this;
  }

  /**
   * Batches this delivery with the others of its model for the same subscriber: it waits at most
   * {@code timeoutSeconds} for siblings (fewer when a full batch is ready earlier).
   */
  public Delivery batched(String model, int timeoutSeconds) {
    this.batchKey = model;
    this.nextAttemptAt = createdAt.plusSeconds(timeoutSeconds);
    return this;
  }

  /** Queues the delivery for an immediate attempt, e.g. a manual retry of a dead letter. */
  public void requeue(AttemptTrigger trigger) {
    status = DeliveryStatus.PENDING;
    nextTrigger = trigger;
    nextAttemptAt = Time.now();
    leaseOwner = null;
    leaseUntil = null;
    updatedAt = nextAttemptAt;
  }

  /** Gives up on the delivery by hand. */
  public void bury(String reason) {
    status = DeliveryStatus.DEAD;
    leaseOwner = null;
    leaseUntil = null;
    lastError = reason;
    updatedAt = Time.now();
  }

  public Long getId() {
    return id;
  }

  public OutboxEntry getEvent() {
    return event;
  }

  public Subscriber getSubscriber() {
    return subscriber;
  }

  public Long getSubscriberId() {
    return subscriberId != null ? subscriberId : subscriber.getId();
  }

  public Long getEventId() {
    return eventId != null ? eventId : event.getId();
  }

  public DeliveryStatus getStatus() {
    return status;
  }

  public int getPriorityRank() {
    return priorityRank;
  }

  public int getAttempts() {
    return attempts;
  }

  public OffsetDateTime getNextAttemptAt() {
    return nextAttemptAt;
  }

  public AttemptTrigger getNextTrigger() {
    return nextTrigger;
  }

  public String getLeaseOwner() {
    return leaseOwner;
  }

  public OffsetDateTime getLeaseUntil() {
    return leaseUntil;
  }

  public Integer getLastStatusCode() {
    return lastStatusCode;
  }

  public String getLastError() {
    return lastError;
  }

  public OffsetDateTime getSentAt() {
    return sentAt;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }

  public String getBody() {
    return body;
  }

  public String getBatchKey() {
    return batchKey;
  }
}
