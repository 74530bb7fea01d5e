package dev.autowebhook.transfer.boundary;

import dev.autowebhook.audit.boundary.AuditLog;
import dev.autowebhook.payload.boundary.PayloadTemplates;
import dev.autowebhook.payload.entity.PayloadTemplate;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.platform.InvalidInputException.Violation;
import dev.autowebhook.platform.Time;
import dev.autowebhook.subscription.boundary.Subscribers;
import dev.autowebhook.subscription.boundary.WebhookConfigs;
import dev.autowebhook.subscription.entity.Subscriber;
import dev.autowebhook.subscription.entity.WebhookConfig;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Export and import of the configuration (subscribers, templates, configs), keyed by name so a
 * document moves between installations. An import checks every item first, against the document
 * and the stored rows, and reports all errors at once; only a valid document is applied, through
 * the features' own boundaries (same rules, secrets and audit lines as a create or update), in one
 * transaction. Nothing is deleted.
 */
@Stateless
public class ConfigTransfer {

  /** The {@code format} marker of a document, and the one version this release reads. */
  public static final String FORMAT = "autowebhook-config";
  public static final int VERSION = 1;
  /** How the API shows a custom header value (it may be a credential); never a real value. */
  public static final String MASKED = "****";

  /** What one export holds, read in one transaction. */
  public record Snapshot(OffsetDateTime exportedAt, List<Subscriber> subscribers,
      List<PayloadTemplate> templates, List<WebhookConfig> configs) {}

  /** A subscriber of a document: its name and how it sets a new or the stored subscriber. */
  public record SubscriberItem(String name, Consumer<Subscriber> edit) {}

  /** A template of a document. */
  public record TemplateItem(String name, Consumer<PayloadTemplate> edit) {}

  /**
   * A config of a document, for a model; it names its subscribers (null: keep the stored ones)
   * and template (null: none), which the import resolves, and sets everything else with
   * {@code edit}.
   */
  public record ConfigItem(String model, List<String> subscribers, String template,
      Consumer<WebhookConfig> edit) {}

  /** A document to import. */
  public record Plan(String format, Integer version, List<SubscriberItem> subscribers,
      List<TemplateItem> templates, List<ConfigItem> configs) {}

  /** The names created and updated (matched by name and written again) of one kind. */
  public record Changes(List<String> created, List<String> updated) {}

  /** What an import did, or would do on a dry run. */
  public record Outcome(boolean dryRun, Changes subscribers, Changes templates,
      Changes configs) {}

  @PersistenceContext(unitName = "autowebhook")
  EntityManager em;

  @Resource SessionContext session;
  @Inject Subscribers subscribers;
  @Inject PayloadTemplates templates;
  @Inject WebhookConfigs configs;
  @Inject AuditLog audit;

  /** Everything an export holds; the lazy subscriber lists of the configs are loaded. */
  public Snapshot export() {
    List<Subscriber> s = new ArrayList<>(subscribers.all());
    s.sort(Comparator.comparing(Subscriber::getName));
    List<WebhookConfig> c = configs.all();
    c.forEach(x -> x.getSubscribers().size());
    Snapshot snapshot = new Snapshot(Time.now(), s, templates.all(), c);
    audit.record("config.export", "config", null, "subscribers=" + s.size() + " templates="
        + snapshot.templates().size() + " configs=" + c.size());
    return snapshot;
  }

  /**
   * Imports a document: creates what is new and updates what exists, matched by name
   * (subscribers, templates) or model (configs). Throws one {@link InvalidInputException} naming
   * every invalid field of every item ({@code subscribers[2].endpoint_url}); then nothing was
   * changed. A dry run only checks and reports.
   */
  public Outcome apply(Plan plan, boolean dryRun) {
    List<Violation> v = new ArrayList<>(header(plan.format(), plan.version()));
    List<SubscriberItem> subs = orEmpty(plan.subscribers());
    List<TemplateItem> tpls = orEmpty(plan.templates());
    List<ConfigItem> cfgs = orEmpty(plan.configs());
    v.addAll(keys("subscribers", "name", subs.stream().map(SubscriberItem::name).toList()));
    v.addAll(keys("templates", "name", tpls.stream().map(TemplateItem::name).toList()));
    v.addAll(keys("configs", "model", cfgs.stream().map(ConfigItem::model).toList()));

    // check: every item applied to a detached or new entity, so nothing is flushed or saved
    Map<String, Subscriber> stored = new HashMap<>();
    Map<String, PayloadTemplate> newTemplates = new HashMap<>();
    Map<String, PayloadTemplate> storedTemplates = new HashMap<>();
    Map<String, WebhookConfig> storedConfigs = new HashMap<>();
    for (int i = 0; i < subs.size(); i++) {
      SubscriberItem item = subs.get(i);
      String at = "subscribers[" + i + "]";
      Subscriber s = item.name() == null ? null : detached(subscribers.byName(item.name()));
      if (s != null) {
        stored.putIfAbsent(item.name(), s);
      }
      Subscriber target = s == null ? new Subscriber() : s;
      edit(at, item.edit(), target, v);
      v.addAll(prefixed(at, subscribers.violations(target)));
      v.addAll(prefixed(at, masked(target)));
    }
    for (int i = 0; i < tpls.size(); i++) {
      TemplateItem item = tpls.get(i);
      String at = "templates[" + i + "]";
      PayloadTemplate t = item.name() == null ? null : detached(templates.byName(item.name()));
      if (t != null) {
        storedTemplates.putIfAbsent(item.name(), t);
      }
      PayloadTemplate target = t == null ? new PayloadTemplate() : t;
      edit(at, item.edit(), target, v);
      v.addAll(prefixed(at, templates.violations(target)));
      if (t == null && item.name() != null) {
        newTemplates.putIfAbsent(item.name(), target);
      }
    }
    List<String> subscriberNames = subs.stream().map(SubscriberItem::name).toList();
    for (int i = 0; i < cfgs.size(); i++) {
      ConfigItem item = cfgs.get(i);
      String at = "configs[" + i + "]";
      WebhookConfig c = item.model() == null ? null : detached(configs.byModel(item.model()));
      if (c != null) {
        storedConfigs.putIfAbsent(item.model(), c);
      }
      for (String name : orEmpty(item.subscribers())) {
        if (name == null || (!subscriberNames.contains(name) && subscribers.byName(name) == null)) {
          v.add(new Violation(at + ".subscribers", "no subscriber named '" + name
              + "' in the document or in this installation"));
        }
      }
      PayloadTemplate template = null;
      if (item.template() != null) {
        template = newTemplates.containsKey(item.template()) ? newTemplates.get(item.template())
            : storedTemplates.containsKey(item.template()) ? storedTemplates.get(item.template())
            : templates.byName(item.template());
        if (template == null) {
          v.add(new Violation(at + ".template", "no template named '" + item.template()
              + "' in the document or in this installation"));
        }
      }
      WebhookConfig target = c == null ? new WebhookConfig() : c;
      edit(at, item.edit(), target, v);
      configs.violations(target, template).forEach(x -> v.add(new Violation(
          at + "." + ("template_id".equals(x.field()) ? "template" : x.field()), x.message())));
    }
    if (!v.isEmpty()) {
      throw InvalidInputException.of(v.stream().distinct().toList());
    }
    Outcome outcome = new Outcome(dryRun,
        changes(subs.stream().map(SubscriberItem::name).toList(), stored.keySet()::contains),
        changes(tpls.stream().map(TemplateItem::name).toList(), storedTemplates.keySet()::contains),
        changes(cfgs.stream().map(ConfigItem::model).toList(), storedConfigs.keySet()::contains));
    if (dryRun) {
      session.setRollbackOnly(); // belt and braces: nothing was written
      return outcome;
    }

    // apply: the checks passed, so the boundaries' own checks pass too
    Map<String, Subscriber> saved = new LinkedHashMap<>();
    for (SubscriberItem item : subs) {
      Subscriber s = stored.get(item.name());
      saved.put(item.name(), s == null ? subscribers.create(applied(item.edit(), new Subscriber()))
          : subscribers.update(s.getId(), item.edit()));
    }
    Map<String, PayloadTemplate> savedTemplates = new HashMap<>();
    for (TemplateItem item : tpls) {
      PayloadTemplate t = storedTemplates.get(item.name());
      savedTemplates.put(item.name(), t == null
          ? templates.create(applied(item.edit(), new PayloadTemplate()))
          : templates.update(t.getId(), item.edit()));
    }
    for (ConfigItem item : cfgs) {
      List<Subscriber> to = orEmpty(item.subscribers()).stream().distinct()
          .map(n -> saved.containsKey(n) ? saved.get(n) : subscribers.byName(n)).toList();
      Long templateId = item.template() == null ? null
          : (savedTemplates.containsKey(item.template()) ? savedTemplates.get(item.template())
              : templates.byName(item.template())).getId();
      Consumer<WebhookConfig> edit = item.edit().andThen(c -> {
        if (item.subscribers() != null) { // absent: keep the stored ones
          c.setSubscribers(new ArrayList<>(to));
        }
        c.setTemplateId(templateId);
      });
      WebhookConfig c = storedConfigs.get(item.model());
      if (c == null) {
        configs.create(applied(edit, new WebhookConfig()));
      } else {
        configs.update(c.getId(), edit);
      }
    }
    audit.record("config.import", "config", null, describe(outcome));
    return outcome;
  }

  /** Errors of the document's {@code format} and {@code version}. */
  static List<Violation> header(String format, Integer version) {
    List<Violation> v = new ArrayList<>();
    if (!FORMAT.equals(format)) {
      v.add(new Violation("format", "must be \"" + FORMAT + "\" (a document made by"
          + " GET /api/v1/admin/config-export)"));
    }
    if (version == null || version != VERSION) {
      v.add(new Violation("version", "must be " + VERSION + "; this release reads no other"));
    }
    return v;
  }

  /**
   * Errors of the keys of one list ({@code name} or {@code model}): blank, or given twice (each
   * repeat is named, with the first place).
   */
  static List<Violation> keys(String list, String key, List<String> values) {
    List<Violation> v = new ArrayList<>();
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      String at = list + "[" + i + "]." + key;
      if (value == null || value.isBlank()) {
        v.add(new Violation(at, "must not be blank"));
      } else if (!value.equals(value.trim())) {
        v.add(new Violation(at, "must not start or end with blanks"));
      } else {
        Integer earlier = first.putIfAbsent(value, i);
        if (earlier != null) {
          v.add(new Violation(at, "'" + value + "' is also " + list + "[" + earlier + "]"));
        }
      }
    }
    return v;
  }

  /** Violations of one item, named by where it is ({@code subscribers[2]} + {@code .url}). */
  static List<Violation> prefixed(String at, List<Violation> violations) {
    return violations.stream()
        .map(x -> new Violation(x.field() == null ? at : at + "." + x.field(), x.message()))
        .toList();
  }

  /**
   * The write-only values a subscriber needs that an export leaves out, by field name
   * ({@code auth_token}, {@code custom_headers.X-Tenant}): an import must give them for a
   * subscriber this installation does not have yet. The signing secret is never among them: a new
   * subscriber gets a fresh one.
   */
  public static List<String> requiredSecrets(Subscriber s) {
    List<String> out = new ArrayList<>();
    switch (s.getAuthType()) {
      case BEARER -> out.add("auth_token");
      case API_KEY -> out.add("api_key");
      case BASIC -> out.add("basic_password");
      default -> { }
    }
    try {
      Subscribers.customHeaders(s.getCustomHeaders()).keySet()
          .forEach(h -> out.add("custom_headers." + h));
    } catch (InvalidInputException e) {
      // stored before the header rules: nothing to ask for
    }
    return out;
  }

  /** Custom headers still masked: an export's value that the stored subscriber cannot fill in. */
  static List<Violation> masked(Subscriber s) {
    List<Violation> v = new ArrayList<>();
    try {
      Subscribers.customHeaders(s.getCustomHeaders()).forEach((name, value) -> {
        if (MASKED.equals(value)) {
          v.add(new Violation("custom_headers." + name, "is masked (" + MASKED + ") in the"
              + " export and not stored here: give the value"));
        }
      });
    } catch (InvalidInputException e) {
      // reported by Subscribers.violations
    }
    return v;
  }

  static Changes changes(List<String> keys, java.util.function.Predicate<String> stored) {
    return new Changes(keys.stream().filter(k -> !stored.test(k)).toList(),
        keys.stream().filter(stored).toList());
  }

  static String describe(Outcome o) {
    Function<Changes, String> one = c -> "created=" + c.created() + " updated="
        + c.updated().size();
    return "subscribers: " + one.apply(o.subscribers()) + "; templates: "
        + one.apply(o.templates()) + "; configs: " + one.apply(o.configs());
  }

  /**
   * Applies an item's edit, collecting what it refuses (an unknown enum value: the edits set
   * every other field before they throw, so the item is checked further).
   */
  private static <T> void edit(String at, Consumer<T> edit, T target, List<Violation> v) {
    try {
      edit.accept(target);
    } catch (InvalidInputException e) {
      v.addAll(e.violations().isEmpty() ? List.of(new Violation(at, e.getMessage()))
          : prefixed(at, e.violations()));
    }
  }

  private static <T> T applied(Consumer<T> edit, T target) {
    edit.accept(target);
    return target;
  }

  /** The entity out of the persistence context, so checking an edit of it never writes it. */
  private <T> T detached(T entity) {
    if (entity != null) {
      em.detach(entity);
    }
    return entity;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
