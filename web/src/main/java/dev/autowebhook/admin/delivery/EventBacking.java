package dev.autowebhook.admin.delivery;

import dev.autowebhook.admin.Notices;
import dev.autowebhook.delivery.boundary.Deliveries;
import dev.autowebhook.delivery.entity.Delivery;
import dev.autowebhook.delivery.entity.DeliveryAttempt;
import dev.autowebhook.platform.NotFoundException;
import dev.autowebhook.subscription.boundary.Subscribers;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * One delivery in full ({@code event.xhtml?id=N}): its facts, the envelope, the changes, every
 * attempt oldest first, and Retry Now / move to dead letter for admins. An unknown id shows a
 * message instead of the page.
 */
@Named
@ViewScoped
public class EventBacking implements Serializable {

  @Inject Deliveries deliveries;
  @Inject Subscribers subscribers;
  @Inject DeliveryActions actions;

  private Long id;
  private Delivery delivery;
  private List<DeliveryAttempt> attempts = List.of();
  private String subscriberName;
  private List<Envelope.Change> changes = List.of();
  private String payload;
  private String body;

  /** Reads the delivery named by the {@code id} parameter (again after every action). */
  public void load() {
    delivery = null;
    if (id == null) {
      Notices.warn("No delivery chosen", "Open a delivery from the events list.");
      return;
    }
    try {
      delivery = deliveries.get(id);
    } catch (NotFoundException e) {
      Notices.warn("No delivery " + id, "It does not exist (or was purged by retention).");
      return;
    }
    attempts = deliveries.attempts(id);
    subscriberName = subscribers.byIds(List.of(delivery.getSubscriberId()))
        .values().stream().map(s -> s.getName()).findFirst()
        .orElse("#" + delivery.getSubscriberId());
    String envelope = delivery.getEvent().getPayload();
    payload = Envelope.pretty(envelope);
    changes = Envelope.changes(envelope);
    body = Envelope.pretty(delivery.getBody());
  }

  public void retry() {
    actions.retry(id);
    load();
  }

  public void bury() {
    actions.bury(id);
    load();
  }

  /** Reloads after the dispatcher had time to send (the page's Refresh button). */
  public void refresh() {
    load();
  }

  public boolean isCanRetry() {
    return delivery != null && Deliveries.canRetry(delivery.getStatus());
  }

  public boolean isCanBury() {
    return delivery != null && Deliveries.canBury(delivery.getStatus());
  }

  public List<Envelope.Header> headers(DeliveryAttempt a) {
    return Envelope.headers(a.getRequestHeaders());
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public Delivery getDelivery() {
    return delivery;
  }

  public List<DeliveryAttempt> getAttempts() {
    return attempts;
  }

  public String getSubscriberName() {
    return subscriberName;
  }

  public List<Envelope.Change> getChanges() {
    return changes;
  }

  public String getPayload() {
    return payload;
  }

  public String getBody() {
    return body;
  }
}
