package dev.autowebhook.api.subscription;

import dev.autowebhook.subscription.boundary.WebhookConfigs.FilterDrops;
import dev.autowebhook.subscription.entity.Subscriber;
import dev.autowebhook.subscription.entity.WebhookConfig;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A webhook config as the API shows it; a PUT accepts it back unchanged. {@code filterDropped}
 * (read-only) counts the events its filter rule dropped on this node since it started,
 * {@code filterErrors} those of them dropped because the rule failed or gave no boolean.
 */
public record ConfigOut(
    Long id, String model, boolean enabled, List<String> events, String priority,
    String category, List<String> includeFields, List<String> excludeFields, String filter,
    List<Long> subscriberIds, Long templateId, boolean batchEnabled, int batchSize,
    int batchTimeoutSeconds, OffsetDateTime createdAt, OffsetDateTime updatedAt,
    long filterDropped, long filterErrors) {

  public static ConfigOut of(WebhookConfig c, FilterDrops drops) {
    return new ConfigOut(c.getId(), c.getModel(), c.isEnabled(),
        WebhookConfig.split(c.getEvents()), c.getPriority().key(), c.getCategory(),
        WebhookConfig.split(c.getIncludeFields()), WebhookConfig.split(c.getExcludeFields()),
        c.getFilterRule(), c.getSubscribers().stream().map(Subscriber::getId).toList(),
        c.getTemplateId(), c.isBatchEnabled(), c.getBatchSize(), c.getBatchTimeoutSeconds(),
        c.getCreatedAt(), c.getUpdatedAt(), drops.dropped(), drops.errors());
  }
}
