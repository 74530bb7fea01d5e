package dev.autowebhook.api.transfer;

import dev.autowebhook.api.payload.TemplateIn;
import dev.autowebhook.api.payload.TemplateOut;
import dev.autowebhook.api.subscription.ConfigOut;
import dev.autowebhook.api.subscription.SubscriberIn;
import dev.autowebhook.api.subscription.SubscriberOut;
import dev.autowebhook.payload.entity.PayloadTemplate;
import dev.autowebhook.subscription.boundary.WebhookConfigs.FilterDrops;
import dev.autowebhook.subscription.entity.Subscriber;
import dev.autowebhook.transfer.boundary.ConfigTransfer;
import dev.autowebhook.transfer.boundary.ConfigTransfer.ConfigItem;
import dev.autowebhook.transfer.boundary.ConfigTransfer.Plan;
import dev.autowebhook.transfer.boundary.ConfigTransfer.SubscriberItem;
import dev.autowebhook.transfer.boundary.ConfigTransfer.TemplateItem;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The configuration as one portable document: subscribers as {@link SubscriberIn} (never a
 * secret: {@code auth_token}, {@code api_key}, {@code basic_password} are null and custom header
 * values masked), templates as {@link TemplateIn}, configs as {@link PortableConfig}, everything
 * keyed by name. {@code required_secrets} lists, per subscriber name, the write-only values an
 * import must give for a subscriber that the target installation does not have yet (it is
 * informational: an import ignores it).
 */
public record ConfigDocument(
    String format, Integer version, OffsetDateTime exportedAt,
    Map<String, List<String>> requiredSecrets, List<SubscriberIn> subscribers,
    List<TemplateIn> templates, List<PortableConfig> configs) {

  /** What a config's filter dropped is this node's figure, not part of the config. */
  private static final FilterDrops NOT_EXPORTED = new FilterDrops(0, 0);

  public static ConfigDocument of(ConfigTransfer.Snapshot s) {
    Map<Long, String> subscriberNames = s.subscribers().stream()
        .collect(Collectors.toMap(Subscriber::getId, Subscriber::getName));
    Map<Long, String> templateNames = s.templates().stream()
        .collect(Collectors.toMap(PayloadTemplate::getId, PayloadTemplate::getName));
    Map<String, List<String>> secrets = new TreeMap<>();
    s.subscribers().forEach(x -> {
      List<String> required = ConfigTransfer.requiredSecrets(x);
      if (!required.isEmpty()) {
        secrets.put(x.getName(), required);
      }
    });
    return new ConfigDocument(ConfigTransfer.FORMAT, ConfigTransfer.VERSION, s.exportedAt(),
        secrets, s.subscribers().stream().map(ConfigDocument::exported).toList(),
        s.templates().stream().map(TemplateOut::of)
            .map(t -> new TemplateIn(t.name(), t.body(), t.model())).toList(),
        s.configs().stream().map(c -> ConfigOut.of(c, NOT_EXPORTED))
            .map(c -> PortableConfig.of(c, subscriberNames, templateNames)).toList());
  }

  /** A subscriber as {@link SubscriberOut} shows it (custom headers masked), without secrets. */
  static SubscriberIn exported(Subscriber s) {
    SubscriberOut o = SubscriberOut.of(s);
    return new SubscriberIn(o.name(), o.kind(), o.endpointUrl(), o.jmsDestination(),
        o.authType(), null, null, o.apiKeyHeader(), o.basicUsername(), null, o.customHeaders(),
        o.timeoutSeconds(), o.verifyTls(), o.enabled(), o.rateLimit(),
        o.rateLimitWindowSeconds(), o.maxRetries(), o.maxConcurrency());
  }

  /**
   * The import of this document. A template's {@code model} null means any model (it clears a
   * stored one); a null item is an item without a name.
   */
  public Plan plan() {
    return new Plan(format, version,
        items(subscribers, s -> new SubscriberItem(s.name(), s::applyTo),
            () -> new SubscriberItem(null, x -> { })),
        items(templates, t -> {
          TemplateIn full = new TemplateIn(t.name(), t.body(), t.model() == null ? "" : t.model());
          return new TemplateItem(t.name(), full::applyTo);
        }, () -> new TemplateItem(null, x -> { })),
        items(configs, c -> {
          var in = c.toConfigIn();
          return new ConfigItem(c.model(), c.subscribers(), c.template(),
              x -> in.applyTo(x, ids -> List.of()));
        }, () -> new ConfigItem(null, null, null, x -> { })));
  }

  private static <T, I> List<I> items(List<T> list, Function<T, I> item,
      java.util.function.Supplier<I> missing) {
    return list == null ? List.of()
        : list.stream().map(x -> x == null ? missing.get() : item.apply(x)).toList();
  }
}
