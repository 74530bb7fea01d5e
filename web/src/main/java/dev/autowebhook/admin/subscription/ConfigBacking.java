package dev.autowebhook.admin.subscription;

import dev.autowebhook.admin.AdminAction;
import dev.autowebhook.admin.Notices;
import dev.autowebhook.api.subscription.ConfigIn;
import dev.autowebhook.payload.boundary.PayloadTemplates;
import dev.autowebhook.payload.entity.PayloadTemplate;
import dev.autowebhook.platform.NotFoundException;
import dev.autowebhook.records.boundary.Models;
import dev.autowebhook.subscription.boundary.Subscribers;
import dev.autowebhook.subscription.boundary.WebhookConfigs;
import dev.autowebhook.subscription.entity.Subscriber;
import dev.autowebhook.subscription.entity.WebhookConfig;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Create or edit one webhook config ({@code config.xhtml?id=N}): what a model's changes trigger,
 * for whom, in which shape. Saved through {@link ConfigIn} as the REST API does; an empty filter
 * rule or template clears it.
 */
@Named
@ViewScoped
public class ConfigBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject WebhookConfigs configs;
  @Inject Subscribers subscribers;
  @Inject PayloadTemplates templates;
  @Inject Models models;

  private Long id;
  private boolean missing;
  private String model;
  private boolean enabled = true;
  private List<String> events = new ArrayList<>(List.of("create", "update", "delete"));
  private String priority = "medium";
  private String category;
  private String includeFields;
  private String excludeFields;
  private String filter;
  private List<Long> subscriberIds = new ArrayList<>();
  private Long templateId;
  private boolean batchEnabled;
  private Integer batchSize = 100;
  private Integer batchTimeoutSeconds = 5;
  private long filterDropped;
  private long filterErrors;

  public void load() {
    if (id == null) {
      return;
    }
    try {
      fill(configs.get(id));
    } catch (NotFoundException e) {
      missing = true;
      Notices.error("Not found", "No webhook config " + id);
    }
  }

  private void fill(WebhookConfig c) {
    model = c.getModel();
    enabled = c.isEnabled();
    events = new ArrayList<>(WebhookConfig.split(c.getEvents()));
    priority = c.getPriority().key();
    category = c.getCategory();
    includeFields = String.join(", ", WebhookConfig.split(c.getIncludeFields()));
    excludeFields = String.join(", ", WebhookConfig.split(c.getExcludeFields()));
    filter = c.getFilterRule();
    subscriberIds = new ArrayList<>(c.getSubscribers().stream().map(Subscriber::getId).toList());
    templateId = c.getTemplateId();
    batchEnabled = c.isBatchEnabled();
    batchSize = c.getBatchSize();
    batchTimeoutSeconds = c.getBatchTimeoutSeconds();
    WebhookConfigs.FilterDrops drops = configs.filterDrops(c.getModel());
    filterDropped = drops.dropped();
    filterErrors = drops.errors();
  }

  ConfigIn toIn() {
    return new ConfigIn(model == null ? "" : model, enabled, events, priority,
        category == null ? "" : category, fields(includeFields), fields(excludeFields),
        Optional.ofNullable(filter), subscriberIds, Optional.ofNullable(templateId), batchEnabled,
        batchSize, batchTimeoutSeconds);
  }

  static List<String> fields(String text) {
    List<String> out = new ArrayList<>();
    if (text != null) {
      for (String f : text.split("[,\\s]+")) {
        if (!f.isBlank()) {
          out.add(f.trim());
        }
      }
    }
    return out;
  }

  @AdminAction
  public void save() {
    ConfigIn in = toIn();
    WebhookConfig c = id == null
        ? configs.create((java.util.function.Consumer<WebhookConfig>)
            n -> in.applyTo(n, configs::subscribers))
        : configs.update(id, stored -> in.applyTo(stored, configs::subscribers));
    id = c.getId();
    fill(c);
    Notices.info("Webhook config for " + c.getModel() + " saved");
  }

  public List<String> getModels() {
    return models.keys();
  }

  public List<Subscriber> getAllSubscribers() {
    return subscribers.all();
  }

  public List<PayloadTemplate> getAllTemplates() {
    return templates.all();
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public boolean isMissing() {
    return missing;
  }

  public String getModel() {
    return model;
  }

  public void setModel(String model) {
    this.model = model;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public List<String> getEvents() {
    return events;
  }

  public void setEvents(List<String> events) {
    this.events = events;
  }

  public String getPriority() {
    return priority;
  }

  public void setPriority(String priority) {
    this.priority = priority;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public String getIncludeFields() {
    return includeFields;
  }

  public void setIncludeFields(String includeFields) {
    this.includeFields = includeFields;
  }

  public String getExcludeFields() {
    return excludeFields;
  }

  public void setExcludeFields(String excludeFields) {
    this.excludeFields = excludeFields;
  }

  /** Events the filter dropped on this node since it started (read-only). */
  public long getFilterDropped() {
    return filterDropped;
  }

  /** Of {@link #getFilterDropped}, those dropped because the rule failed or gave no boolean. */
  public long getFilterErrors() {
    return filterErrors;
  }

  public String getFilter() {
    return filter;
  }

  public void setFilter(String filter) {
    this.filter = filter;
  }

  public List<Long> getSubscriberIds() {
    return subscriberIds;
  }

  public void setSubscriberIds(List<Long> subscriberIds) {
    this.subscriberIds = subscriberIds;
  }

  public Long getTemplateId() {
    return templateId;
  }

  public void setTemplateId(Long templateId) {
    this.templateId = templateId;
  }

  public boolean isBatchEnabled() {
    return batchEnabled;
  }

  public void setBatchEnabled(boolean batchEnabled) {
    this.batchEnabled = batchEnabled;
  }

  public Integer getBatchSize() {
    return batchSize;
  }

  public void setBatchSize(Integer batchSize) {
    this.batchSize = batchSize;
  }

  public Integer getBatchTimeoutSeconds() {
    return batchTimeoutSeconds;
  }

  public void setBatchTimeoutSeconds(Integer batchTimeoutSeconds) {
    this.batchTimeoutSeconds = batchTimeoutSeconds;
  }
}
