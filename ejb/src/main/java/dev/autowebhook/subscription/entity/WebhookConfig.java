package dev.autowebhook.subscription.entity;

import dev.autowebhook.platform.Time;
import dev.autowebhook.capture.entity.ChangeKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What is tracked about one model and where it goes: which event types, which fields, with what
 * priority and category, to which subscribers (one config per model key).
 */
@Entity
@Table(name = "aw_config")
@NamedQuery(name = "WebhookConfig.all", query = "SELECT c FROM WebhookConfig c ORDER BY c.model")
@NamedQuery(name = "WebhookConfig.withSubscribers",
    query = "SELECT DISTINCT c FROM WebhookConfig c LEFT JOIN FETCH c.subscribers")
@NamedQuery(name = "WebhookConfig.byModel",
    query = "SELECT c FROM WebhookConfig c WHERE c.model = :model")
public class WebhookConfig {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "aw_seq")
  @SequenceGenerator(name = "aw_seq", sequenceName = "aw_seq", allocationSize = 1000)
  private Long id;

  @Version private long version;

  @NotBlank(message = "must not be blank")
  @Size(max = 64, message = "must be at most 64 characters")
  private String model;

  private boolean enabled = true;

  /** Comma-separated event types, e.g. "create,update,delete". */
  @NotBlank(message = "must name at least one of create, update, delete")
  private String events = "create,update,delete";

  @NotNull
  @Enumerated(EnumType.STRING)
  private Priority priority = Priority.MEDIUM;

  @Size(max = 64, message = "must be at most 64 characters")
  private String category;

  @Size(max = 4000, message = "is too long")
  @Column(name = "include_fields")
  private String includeFields;

  @Size(max = 4000, message = "is too long")
  @Column(name = "exclude_fields")
  private String excludeFields;

  @Size(max = 2000, message = "must be at most 2000 characters")
  @Column(name = "filter_rule")
  private String filterRule;

  @Column(name = "template_id")
  private Long templateId;

  @Column(name = "batch_enabled")
  private boolean batchEnabled;

  @Min(value = 1, message = "must be at least 1")
  @Max(value = 1000, message = "must be at most 1000")
  @Column(name = "batch_size")
  private int batchSize = 100;

  @Min(value = 1, message = "must be at least 1")
  @Max(value = 3600, message = "must be at most 3600")
  @Column(name = "batch_timeout_seconds")
  private int batchTimeoutSeconds = 5;

  @ManyToMany
  @JoinTable(name = "aw_config_subscriber",
      joinColumns = @JoinColumn(name = "config_id"),
      inverseJoinColumns = @JoinColumn(name = "subscriber_id"))
  @OrderBy("id")
  private List<Subscriber> subscribers = new ArrayList<>();

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

  public static List<String> split(String csv) {
    if (csv == null || csv.isBlank()) {
      return List.of();
    }
    return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  public static String join(List<String> values) {
    return values == null || values.isEmpty() ? null
        : values.stream().map(String::trim).collect(Collectors.toCollection(LinkedHashSet::new))
            .stream().collect(Collectors.joining(","));
  }

  public Set<ChangeKind> eventKinds() {
    Set<ChangeKind> kinds = EnumSet.noneOf(ChangeKind.class);
    split(events).forEach(e -> kinds.add(ChangeKind.of(e)));
    return kinds;
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
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

  public String getEvents() {
    return events;
  }

  public void setEvents(String events) {
    this.events = events;
  }

  public Priority getPriority() {
    return priority;
  }

  public void setPriority(Priority priority) {
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

  public String getFilterRule() {
    return filterRule;
  }

  public void setFilterRule(String filterRule) {
    this.filterRule = filterRule;
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

  public int getBatchSize() {
    return batchSize;
  }

  public void setBatchSize(int batchSize) {
    this.batchSize = batchSize;
  }

  public int getBatchTimeoutSeconds() {
    return batchTimeoutSeconds;
  }

  public void setBatchTimeoutSeconds(int batchTimeoutSeconds) {
    this.batchTimeoutSeconds = batchTimeoutSeconds;
  }

  public List<Subscriber> getSubscribers() {
    return subscribers;
  }

  public void setSubscribers(List<Subscriber> subscribers) {
    this.subscribers = subscribers;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }
}
