package dev.autowebhook.api.transfer;

import dev.autowebhook.api.subscription.ConfigIn;
import dev.autowebhook.api.subscription.ConfigOut;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A webhook config as a transfer document holds it: {@link ConfigOut} without ids and times, its
 * subscribers and template named instead of numbered, so that it means the same in another
 * installation. On import, {@code filter} and {@code template} null mean none; other absent
 * fields (and absent {@code subscribers}) keep the stored values, as with {@link ConfigIn}.
 */
public record PortableConfig(
    String model, Boolean enabled, List<String> events, String priority, String category,
    List<String> includeFields, List<String> excludeFields, String filter,
    List<String> subscribers, String template, Boolean batchEnabled, Integer batchSize,
    Integer batchTimeoutSeconds) {

  /** @param subscriberNames and {@code templateNames}: names by id */
  static PortableConfig of(ConfigOut c, Map<Long, String> subscriberNames,
      Map<Long, String> templateNames) {
    return new PortableConfig(c.model(), c.enabled(), c.events(), c.priority(), c.category(),
        c.includeFields(), c.excludeFields(), c.filter(),
        c.subscriberIds().stream().map(subscriberNames::get).sorted().toList(),
        c.templateId() == null ? null : templateNames.get(c.templateId()), c.batchEnabled(),
        c.batchSize(), c.batchTimeoutSeconds());
  }

  /** Everything but the names, which the import resolves. */
  ConfigIn toConfigIn() {
    return new ConfigIn(model, enabled, events, priority, category, includeFields, excludeFields,
        Optional.ofNullable(filter), null, null, batchEnabled, batchSize, batchTimeoutSeconds);
  }
}
