package dev.autowebhook.admin.subscription;

import dev.autowebhook.admin.AdminAction;
import dev.autowebhook.admin.Notices;
import dev.autowebhook.payload.boundary.PayloadTemplates;
import dev.autowebhook.payload.entity.PayloadTemplate;
import dev.autowebhook.subscription.boundary.WebhookConfigs;
import dev.autowebhook.subscription.entity.Subscriber;
import dev.autowebhook.subscription.entity.WebhookConfig;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The webhook configs, one per model: what they send, to whom, in which shape. */
@Named
@ViewScoped
public class ConfigsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject WebhookConfigs configs;
  @Inject PayloadTemplates templates;

  private transient List<WebhookConfig> all;
  private transient Map<Long, String> templateNames;

  public List<WebhookConfig> getAll() {
    if (all == null) {
      all = configs.all();
    }
    return all;
  }

  public String subscriberNames(WebhookConfig c) {
    return c.getSubscribers().stream().map(Subscriber::getName).collect(Collectors.joining(", "));
  }

  public String templateName(Long id) {
    if (templateNames == null) {
      templateNames = templates.all().stream()
          .collect(Collectors.toMap(PayloadTemplate::getId, PayloadTemplate::getName));
    }
    return id == null ? null : templateNames.getOrDefault(id, "#" + id);
  }

  public List<String> events(WebhookConfig c) {
    return WebhookConfig.split(c.getEvents());
  }

  @AdminAction
  public void delete(WebhookConfig c) {
    configs.delete(c.getId());
    all = null;
    Notices.info("Webhook config for " + c.getModel() + " deleted");
  }
}
