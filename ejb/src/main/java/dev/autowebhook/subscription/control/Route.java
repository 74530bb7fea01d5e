package dev.autowebhook.subscription.control;

import dev.autowebhook.capture.entity.ChangeKind;
import dev.autowebhook.subscription.entity.Priority;
import dev.autowebhook.subscription.entity.WebhookConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable view of one model's config as capture needs it: which fields are tracked, which
 * event types go to which subscribers (and which events pass the filter rule), with what
 * priority and category, batched or not, rendered by which template. Models without a config
 * get {@link #untracked(String)}: every field, no subscribers, medium priority.
 */
public record Route(String model, boolean enabled, Set<ChangeKind> kinds, Priority priority,
    String category, Set<String> include, Set<String> exclude, List<Long> subscriberIds,
    boolean batched, int batchTimeoutSeconds, Long templateId, FilterRule rule) {

  /** Fields that are always kept, whatever the lists say. */
  static final Set<String> ALWAYS = Set.of("id");

  public static Route untracked(String model) {
    return new Route(model, false, Set.of(), Priority.MEDIUM, null, Set.of(), Set.of(), List.of(),
        false, 0, null, FilterRule.ALWAYS);
  }

  public static Route of(WebhookConfig c) {
    return new Route(c.getModel(), c.isEnabled(), c.eventKinds(), c.getPriority(),
        c.getCategory(), Set.copyOf(WebhookConfig.split(c.getIncludeFields())),
        Set.copyOf(WebhookConfig.split(c.getExcludeFields())),
        c.getSubscribers().stream().map(s -> s.getId()).toList(), c.isBatchEnabled(),
        c.getBatchTimeoutSeconds(), c.getTemplateId(), FilterRule.orNever(c.getFilterRule()));
  }

  public boolean tracks(String field) {
    if (ALWAYS.contains(field)) {
      return true;
    }
    if (!include.isEmpty() && !include.contains(field)) {
      return false;
    }
    return !exclude.contains(field);
  }

  /** The snapshot reduced to the tracked fields (keeps order). */
  public Map<String, Object> filter(Map<String, Object> snapshot) {
    if (snapshot == null || (include.isEmpty() && exclude.isEmpty())) {
      return snapshot;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    snapshot.forEach((k, v) -> {
      if (tracks(k)) {
        out.put(k, v);
      }
    });
    return out;
  }

  /** True when events of this kind are delivered to this config's subscribers. */
  public boolean delivers(ChangeKind kind) {
    return enabled && kinds.contains(kind) && !subscriberIds.isEmpty();
  }
}
