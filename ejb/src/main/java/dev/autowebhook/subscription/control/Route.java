package dev.autowebhook.subscription.control;

import dev.autowebhook.capture.entity.ChangeKind;
import dev.autowebhook.subscription.entity.Priority;
import dev.autowebhook.subscription.entity.WebhookConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * An immutable view of one model's config as capture needs it: which fields are tracked, which
 * event types go to which subscribers (and which events pass the filter rule), with what
 * priority and category, batched or not, rendered by which template. Models without a config
 * get {@link #untracked(String)}: every field, no subscribers, medium priority. {@code drops}
 * counts the events the rule dropped; it outlives the route (one per model, see
 * {@link SubscriptionMatcher#drops}).
 */
public record Route(String model, boolean enabled, Set<ChangeKind> kinds, Priority priority,
    String category, Set<String> include, Set<String> exclude, List<Long> subscriberIds,
    boolean batched, int batchTimeoutSeconds, Long templateId, FilterRule rule, Drops drops) {

  /**
   * The events a model's filter rule dropped on this node since it started: those it gave false
   * for, and those it failed on or gave no boolean for. Cheap to count from many threads.
   */
  public static final class Drops {
    private final LongAdder noMatch = new LongAdder();
    private final LongAdder errors = new LongAdder();

    public long noMatch() {
      return noMatch.sum();
    }

    public long errors() {
      return errors.sum();
    }
  }

  /** Fields that are always kept, whatever the lists say. */
  static final Set<String> ALWAYS = Set.of("id");

  public static Route untracked(String model) {
    return new Route(model, false, Set.of(), Priority.MEDIUM, null, Set.of(), Set.of(), List.of(),
        false, 0, null, FilterRule.ALWAYS, new Drops());
  }

  /** @param drops where this model's dropped events are counted */
  public static Route of(WebhookConfig c, Drops drops) {
    return new Route(c.getModel(), c.isEnabled(), c.eventKinds(), c.getPriority(),
        c.getCategory(), Set.copyOf(WebhookConfig.split(c.getIncludeFields())),
        Set.copyOf(WebhookConfig.split(c.getExcludeFields())),
        c.getSubscribers().stream().map(s -> s.getId()).toList(), c.isBatchEnabled(),
        c.getBatchTimeoutSeconds(), c.getTemplateId(), FilterRule.orNever(c.getFilterRule()),
        drops);
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

  /**
   * True when the rule lets an event with these variables ({@link FilterRule#variables}) through;
   * when not, counts it in {@link #drops}. Never throws.
   */
  public boolean passes(Map<String, Object> vars) {
    switch (rule.test(vars)) {
      case MATCH:
        return true;
      case NO_MATCH:
        drops.noMatch.increment();
        return false;
      default:
        drops.errors.increment();
        return false;
    }
  }

  /** True when events of this kind are delivered to this config's subscribers. */
  public boolean delivers(ChangeKind kind) {
    return enabled && kinds.contains(kind) && !subscriberIds.isEmpty();
  }
}
