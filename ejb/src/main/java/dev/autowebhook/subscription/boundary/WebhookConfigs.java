package dev.autowebhook.subscription.boundary;

import dev.autowebhook.audit.boundary.AuditLog;
import dev.autowebhook.capture.entity.ChangeKind;
import dev.autowebhook.payload.entity.PayloadTemplate;
import dev.autowebhook.platform.ConflictException;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.platform.InvalidInputException.Violation;
import dev.autowebhook.platform.NotFoundException;
import dev.autowebhook.platform.Validation;
import dev.autowebhook.records.boundary.Models;
import dev.autowebhook.records.boundary.Records;
import dev.autowebhook.subscription.control.FilterRule;
import dev.autowebhook.subscription.control.Route;
import dev.autowebhook.subscription.control.SubscriptionMatcher;
import dev.autowebhook.subscription.entity.Subscriber;
import dev.autowebhook.subscription.entity.WebhookConfig;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Webhook config CRUD (one per model key): checks the model exists, that listed fields are fields
 * of that model, that event types and subscriber ids are real and that the filter rule is a
 * condition (it gives true or false on the model's newest record), then saves and audits.
 */
@Stateless
public class WebhookConfigs {

  @PersistenceContext(unitName = "autowebhook")
  EntityManager em;

  @Inject Validator validator;
  @Inject Models models;
  @Inject Records records;
  @Inject AuditLog audit;
  @Inject SubscriptionMatcher matcher;

  public List<WebhookConfig> all() {
    return em.createNamedQuery("WebhookConfig.all", WebhookConfig.class).getResultList();
  }

  public WebhookConfig get(long id) {
    WebhookConfig c = em.find(WebhookConfig.class, id);
    if (c == null) {
      throw new NotFoundException("config", id);
    }
    return c;
  }

  public WebhookConfig byModel(String model) {
    return em.createNamedQuery("WebhookConfig.byModel", WebhookConfig.class)
        .setParameter("model", model).getResultStream().findFirst().orElse(null);
  }

  /**
   * Resolves subscriber ids, reporting unknown ones against {@code subscriber_ids}.
   */
  public List<Subscriber> subscribers(List<Long> ids) {
    List<Subscriber> out = new ArrayList<>();
    List<Violation> v = new ArrayList<>();
    for (Long id : new LinkedHashSet<>(ids)) {
      Subscriber s = id == null ? null : em.find(Subscriber.class, id);
      if (s == null) {
        v.add(new Violation("subscriber_ids", "subscriber " + id + " does not exist"));
      } else {
        out.add(s);
      }
    }
    if (!v.isEmpty()) {
      throw InvalidInputException.of(v);
    }
    return out;
  }

  /** Builds a new config inside the transaction (so subscriber references are managed). */
  public WebhookConfig create(java.util.function.Consumer<WebhookConfig> build) {
    WebhookConfig c = new WebhookConfig();
    build.accept(c);
    return create(c);
  }

  public WebhookConfig create(WebhookConfig c) {
    check(c);
    if (byModel(c.getModel()) != null) {
      throw new ConflictException("a config for model '" + c.getModel() + "' already exists");
    }
    em.persist(c);
    em.flush();
    audit.record("config.create", "config", c.getId(), describe(c));
    matcher.invalidate();
    return c;
  }

  /** Applies an edit to the stored config, validates and saves it (all or nothing). */
  public WebhookConfig update(long id, java.util.function.Consumer<WebhookConfig> edit) {
    WebhookConfig c = get(id);
    edit.accept(c);
    check(c);
    WebhookConfig other = byModel(c.getModel());
    if (other != null && !other.getId().equals(c.getId())) {
      throw new ConflictException("a config for model '" + c.getModel() + "' already exists");
    }
    em.flush();
    audit.record("config.update", "config", c.getId(), describe(c));
    matcher.invalidate();
    return c;
  }

  public void delete(long id) {
    WebhookConfig c = get(id);
    em.remove(c);
    audit.record("config.delete", "config", id, "model=" + c.getModel());
    matcher.invalidate();
  }

  private static String describe(WebhookConfig c) {
    return "model=" + c.getModel() + " enabled=" + c.isEnabled() + " events=" + c.getEvents()
        + " priority=" + c.getPriority() + " subscribers="
        + c.getSubscribers().stream().map(Subscriber::getId).toList();
  }

  private void check(WebhookConfig c) {
    PayloadTemplate t = c.getTemplateId() == null ? null
        : em.find(PayloadTemplate.class, c.getTemplateId());
    List<Violation> v = new ArrayList<>(violations(c, t));
    if (c.getTemplateId() != null && t == null) {
      v.add(new Violation("template_id", "template " + c.getTemplateId() + " does not exist"));
    }
    if (!v.isEmpty()) {
      throw InvalidInputException.of(v);
    }
  }

  /**
   * Everything {@link #create} and {@link #update} would refuse but the model's uniqueness and
   * the existence of {@code template_id}, without saving or throwing (an import reports the errors
   * of all its items at once and names templates that may not be saved yet).
   *
   * @param template the config's template, or null for none
   */
  public List<Violation> violations(WebhookConfig c, PayloadTemplate template) {
    List<Violation> v = new ArrayList<>();
    List<String> fields = List.of();
    if (c.getModel() != null && !c.getModel().isBlank()) {
      if (models.type(c.getModel()).isEmpty()) {
        v.add(new Violation("model", "unknown model '" + c.getModel() + "'; known models are "
            + String.join(", ", models.keys())));
      } else {
        fields = models.fieldNames(c.getModel());
      }
    }
    List<String> events = WebhookConfig.split(c.getEvents());
    if (events.isEmpty()) {
      v.add(new Violation("events", "must name at least one of create, update, delete"));
    }
    for (String e : events) {
      try {
        ChangeKind.of(e);
      } catch (IllegalArgumentException ex) {
        v.add(new Violation("events", "'" + e + "' is not one of create, update, delete"));
      }
    }
    checkFields("include_fields", c.getIncludeFields(), fields, v);
    checkFields("exclude_fields", c.getExcludeFields(), fields, v);
    try {
      FilterRule rule = FilterRule.compile(c.getFilterRule());
      if (!fields.isEmpty()) {
        String refusal = refusal(rule, c);
        if (refusal != null) {
          v.add(new Violation("filter", refusal));
        }
      }
    } catch (InvalidInputException e) {
      v.addAll(e.violations());
    }
    if (template != null && template.getModel() != null
        && !template.getModel().equals(c.getModel())) {
      v.add(new Violation("template_id", "template '" + template.getName() + "' is for model '"
          + template.getModel() + "', not '" + c.getModel() + "'"));
    }
    v.addAll(Validation.violations(validator, c));
    return v;
  }

  /**
   * Why the rule is no condition on the config's model, or null: it must give true or false for
   * a create and an update (every field changed) of the model's newest record, or of sample data
   * while the model has none ({@link FilterRule#refusal}). A rule that gives a number, a text or
   * nothing would silently drop every event.
   */
  private String refusal(FilterRule rule, WebhookConfig c) {
    if (rule == FilterRule.ALWAYS) {
      return null;
    }
    Class<?> type = models.require("model", c.getModel());
    Map<String, Object> sample = Records.sample(type);
    Optional<Map<String, Object>> newest = records.newest(type);
    Map<String, Object> data = newest.orElse(sample);
    String where = newest.isPresent()
        ? "the newest " + c.getModel() + " (id " + data.get("id") + ")"
        : "a sample " + c.getModel() + " (there is none yet)";
    return rule.refusal(List.of(event("create", c, data), event("update", c, data)), where,
        newest.isPresent() ? event("update", c, sample) : null);
  }

  /** A rule's variables for an event of the config's model; an update changes every field. */
  private static Map<String, Object> event(String kind, WebhookConfig c,
      Map<String, Object> data) {
    Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
    if (kind.equals("update")) {
      data.forEach((field, value) -> {
        if (!field.equals("id")) {
          Map<String, Object> change = new LinkedHashMap<>();
          change.put("old", null);
          change.put("new", value);
          changes.put(field, change);
        }
      });
    }
    return FilterRule.variables(kind, c.getModel(), data.get("id"), data, changes,
        c.getPriority() == null ? null : c.getPriority().key(), c.getCategory());
  }

  /**
   * What the filter of a model's config dropped on this node since it started (in memory, not
   * shared between nodes): {@code dropped} events in all, {@code errors} of them because the
   * rule failed or gave no boolean.
   */
  public record FilterDrops(long dropped, long errors) {}

  public FilterDrops filterDrops(String model) {
    Route.Drops d = matcher.drops(model);
    long errors = d.errors();
    return new FilterDrops(d.noMatch() + errors, errors);
  }

  private static void checkFields(String name, String csv, List<String> known,
      List<Violation> v) {
    if (known.isEmpty()) {
      return;
    }
    Set<String> unknown = new LinkedHashSet<>();
    for (String f : WebhookConfig.split(csv)) {
      if (!known.contains(f)) {
        unknown.add(f);
      }
    }
    if (!unknown.isEmpty()) {
      v.add(new Violation(name, "unknown field(s) " + unknown + "; fields of this model are "
          + String.join(", ", known)));
    }
  }
}
