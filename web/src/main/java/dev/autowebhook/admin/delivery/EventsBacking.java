package dev.autowebhook.admin.delivery;

import dev.autowebhook.delivery.boundary.Deliveries;
import dev.autowebhook.delivery.entity.Delivery;
import dev.autowebhook.delivery.entity.DeliveryStatus;
import dev.autowebhook.records.boundary.Models;
import dev.autowebhook.subscription.boundary.Subscribers;
import dev.autowebhook.subscription.entity.Subscriber;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;

/**
 * The events page: every delivery, newest first, filtered by the toolbar, with Retry Now, move to
 * dead letter and bulk retry for admins. The dead-letter page is the same table locked to one
 * status ({@link DeadLettersBacking}), so both share {@code /WEB-INF/includes/deliveries.xhtml}.
 */
@Named
@ViewScoped
public class EventsBacking implements Serializable {

  /** The client id of the table in the shared fragment. */
  static final String TABLE = "deliveries:table";

  @Inject Deliveries deliveries;
  @Inject Subscribers subscribers;
  @Inject Models models;
  @Inject DeliveryActions actions;

  private String status;
  private String model;
  private Long subscriberId;
  private LocalDateTime since;
  private LocalDateTime until;
  private List<Delivery> selected = new ArrayList<>();
  private DeliveryRows rows;
  private List<String> modelKeys;
  private Map<String, Long> subscriberOptions;

  @PostConstruct
  void init() {
    rows = new DeliveryRows(deliveries, subscribers, this::filter);
    modelKeys = models.keys();
    subscriberOptions = new LinkedHashMap<>();
    subscribers.all().stream().sorted((a, b) -> a.getName().compareToIgnoreCase(b.getName()))
        .forEach((Subscriber s) -> subscriberOptions.put(s.getName(), s.getId()));
  }

  /** The status every row has on this page, or null when the toolbar chooses. */
  public DeliveryStatus lockedStatus() {
    return null;
  }

  Deliveries.Filter filter() {
    DeliveryStatus chosen = lockedStatus() != null ? lockedStatus()
        : status == null || status.isBlank() ? null
        : DeliveryStatus.valueOf(status.toUpperCase(Locale.ROOT));
    return new Deliveries.Filter(chosen, model == null || model.isBlank() ? null : model,
        subscriberId, utc(since), utc(until));
  }

  private static OffsetDateTime utc(LocalDateTime t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }

  /** A filter changed: back to the first page (the table re-queries when it is rendered). */
  public void filterChanged() {
    selected.clear();
    if (FacesContext.getCurrentInstance().getViewRoot().findComponent(TABLE)
        instanceof DataTable table) {
      table.setFirst(0);
    }
  }

  public void retry(long id) {
    actions.retry(id);
  }

  public void bury(long id) {
    actions.bury(id);
  }

  public void retrySelected() {
    retryAll(selected.stream().map(Delivery::getId).toList());
  }

  public void retryPage() {
    retryAll(rows.rows().stream().map(Delivery::getId).toList());
  }

  private void retryAll(List<Long> ids) {
    actions.retryAll(ids);
    if (!FacesContext.getCurrentInstance().isValidationFailed()) {
      selected.clear();
    }
  }

  public boolean canRetry(Delivery d) {
    return Deliveries.canRetry(d.getStatus());
  }

  public boolean canBury(Delivery d) {
    return Deliveries.canBury(d.getStatus());
  }

  public DeliveryStatus[] getStatuses() {
    return DeliveryStatus.values();
  }

  public List<String> getModels() {
    return modelKeys;
  }

  public Map<String, Long> getSubscriberOptions() {
    return subscriberOptions;
  }

  public DeliveryRows getRows() {
    return rows;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getModel() {
    return model;
  }

  public void setModel(String model) {
    this.model = model;
  }

  public Long getSubscriberId() {
    return subscriberId;
  }

  public void setSubscriberId(Long subscriberId) {
    this.subscriberId = subscriberId;
  }

  public LocalDateTime getSince() {
    return since;
  }

  public void setSince(LocalDateTime since) {
    this.since = since;
  }

  public LocalDateTime getUntil() {
    return until;
  }

  public void setUntil(LocalDateTime until) {
    this.until = until;
  }

  public List<Delivery> getSelected() {
    return selected;
  }

  public void setSelected(List<Delivery> selected) {
    this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
  }
}
