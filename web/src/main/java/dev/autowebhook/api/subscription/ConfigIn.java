package dev.autowebhook.api.subscription;

import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.platform.InvalidInputException.Violation;
import dev.autowebhook.subscription.entity.Priority;
import dev.autowebhook.subscription.entity.Subscriber;
import dev.autowebhook.subscription.entity.WebhookConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A webhook config as clients write it; accepts exactly what {@link ConfigOut} returns (read-only
 * fields such as id are ignored). Absent fields keep their stored value on update; an explicit
 * null clears {@code filter} and {@code template_id}.
 */
public record ConfigIn(
    String model, Boolean enabled, List<String> events, String priority, String category,
    List<String> includeFields, List<String> excludeFields, Optional<String> filter,
    List<Long> subscriberIds, Optional<Long> templateId, Boolean batchEnabled, Integer batchSize,
    Integer batchTimeoutSeconds) {

  /** @param subscribers resolves ids to subscribers (400 for unknown ids) */
  public WebhookConfig applyTo(WebhookConfig c, Function<List<Long>, List<Subscriber>> subscribers) {
    List<Violation> v = new ArrayList<>();
    noNulls("events", events, v);
    noNulls("include_fields", includeFields, v);
    noNulls("exclude_fields", excludeFields, v);
    noNulls("subscriber_ids", subscriberIds, v);
    if (!v.isEmpty()) {
      throw InvalidInputException.of(v);
    }
    if (model != null) {
      c.setModel(model.trim());
    }
    if (enabled != null) {
      c.setEnabled(enabled);
    }
    if (events != null) {
      c.setEvents(events.isEmpty() ? "" : WebhookConfig.join(
          events.stream().map(e -> e == null ? "" : e.trim().toLowerCase(Locale.ROOT)).toList()));
    }
    if (priority != null) {
      try {
        c.setPriority(Priority.valueOf(priority.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        v.add(new Violation("priority", "must be one of high, medium, low"));
      }
    }
    if (category != null) {
      c.setCategory(category.isBlank() ? null : category.trim());
    }
    if (includeFields != null) {
      c.setIncludeFields(WebhookConfig.join(includeFields));
    }
    if (excludeFields != null) {
      c.setExcludeFields(WebhookConfig.join(excludeFields));
    }
    if (filter != null) { // absent: keep; null or blank: no rule
      c.setFilterRule(filter.filter(f -> !f.isBlank()).map(String::trim).orElse(null));
    }
    if (templateId != null) { // absent: keep; null: no template
      c.setTemplateId(templateId.orElse(null));
    }
    if (batchEnabled != null) {
      c.setBatchEnabled(batchEnabled);
    }
    if (batchSize != null) {
      c.setBatchSize(batchSize);
    }
    if (batchTimeoutSeconds != null) {
      c.setBatchTimeoutSeconds(batchTimeoutSeconds);
    }
    if (!v.isEmpty()) {
      throw InvalidInputException.of(v);
    }
    if (subscriberIds != null) {
      c.setSubscribers(new ArrayList<>(subscribers.apply(subscriberIds)));
    }
    return c;
  }

  static void noNulls(String field, List<?> list, List<Violation> v) {
    if (list != null && list.stream().anyMatch(Objects::isNull)) {
      v.add(new Violation(field, "must not contain null"));
    }
  }
}
