package dev.autowebhook.payload.boundary;

import dev.autowebhook.audit.boundary.AuditLog;
import dev.autowebhook.capture.entity.ChangeKind;
import dev.autowebhook.outbox.entity.OutboxEntry;
import dev.autowebhook.payload.control.PayloadRenderer;
import dev.autowebhook.payload.entity.PayloadTemplate;
import dev.autowebhook.platform.ConflictException;
import dev.autowebhook.platform.DatabaseOutage;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.platform.InvalidInputException.Violation;
import dev.autowebhook.platform.Jsonp;
import dev.autowebhook.platform.NotFoundException;
import dev.autowebhook.platform.Time;
import dev.autowebhook.platform.Uids;
import dev.autowebhook.platform.Validation;
import dev.autowebhook.records.boundary.Models;
import dev.autowebhook.records.boundary.Records;
import dev.autowebhook.records.entity.BusinessRecord;
import dev.autowebhook.subscription.boundary.WebhookConfigs;
import dev.autowebhook.subscription.entity.WebhookConfig;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Validator;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Payload template CRUD and preview, used by the REST API and the UI: a template is saved only if
 * it compiles and renders a realistic event of its model to valid JSON; a template that a webhook
 * config uses cannot be deleted. Every change is audited.
 */
@Stateless
public class PayloadTemplates {

  private static final Logger LOG = Logger.getLogger(PayloadTemplates.class.getName());

  /** A rendered preview: the text, and why it is not valid JSON (null when it is). */
  public record Preview(String output, String jsonError) {
    public boolean validJson() {
      return jsonError == null;
    }
  }

  @PersistenceContext(unitName = "autowebhook")
  EntityManager em;

  @Inject Validator validator;
  @Inject Models models;
  @Inject Records records;
  @Inject WebhookConfigs configs;
  @Inject AuditLog audit;
  @Inject PayloadRenderer renderer;

  public List<PayloadTemplate> all() {
    return em.createNamedQuery("PayloadTemplate.all", PayloadTemplate.class).getResultList();
  }

  public PayloadTemplate get(long id) {
    PayloadTemplate t = em.find(PayloadTemplate.class, id);
    if (t == null) {
      throw new NotFoundException("template", id);
    }
    return t;
  }

  /**
   * The bodies a config's template renders for the deliveries of one event (its envelope), by
   * subscriber id, in the caller's transaction; the envelope is read once for all of them. A
   * subscriber is missing from the answer when the template is gone or fails for it: its envelope
   * is sent instead and the failure logged, because a template must never break a business write.
   */
  public Map<Long, String> renderFor(long templateId, String envelope,
      Map<Long, String> subscribers) {
    Map<Long, String> out = new LinkedHashMap<>();
    PayloadTemplate t;
    JsonObject env;
    try {
      t = em.find(PayloadTemplate.class, templateId);
      if (t == null) {
        LOG.warning(() -> "Template " + templateId + " is gone; sending the default envelope");
        return out;
      }
      try (JsonReader r = Jsonp.PROVIDER.createReader(new StringReader(envelope))) {
        env = r.readObject();
      }
    } catch (RuntimeException e) {
      LOG.warning(() -> "Template " + templateId + " could not be prepared; sending the default"
          + " envelope instead: " + e.getMessage());
      return out;
    }
    subscribers.forEach((id, name) -> {
      try {
        out.put(id, renderer.render(t.getId(), t.getVersion(), t.getBody(),
            PayloadRenderer.variables(env, name)));
      } catch (RuntimeException e) {
        LOG.warning(() -> "Template " + templateId + " failed for subscriber " + name
            + "; sending the default envelope instead: " + e.getMessage());
      }
    });
    return out;
  }

  public PayloadTemplate byName(String name) {
    // COMMIT: an edited name must not be flushed (and clash) before it is checked
    return em.createNamedQuery("PayloadTemplate.byName", PayloadTemplate.class)
        .setParameter("name", name).setFlushMode(FlushModeType.COMMIT).getResultStream()
        .findFirst().orElse(null);
  }

  public PayloadTemplate create(PayloadTemplate t) {
    check(t);
    em.persist(t);
    flush();
    audit.record("template.create", "template", t.getId(), describe(t));
    return t;
  }

  /** Applies an edit to the stored template, validates and saves it (all or nothing). */
  public PayloadTemplate update(long id, Consumer<PayloadTemplate> edit) {
    PayloadTemplate t = get(id);
    edit.accept(t);
    check(t);
    flush();
    audit.record("template.update", "template", t.getId(), describe(t));
    return t;
  }

  /** Deletes a template that no webhook config uses. */
  public void delete(long id) {
    PayloadTemplate t = get(id);
    List<String> users = em.createQuery(
            "SELECT c.model FROM WebhookConfig c WHERE c.templateId = :id ORDER BY c.model",
            String.class)
        .setParameter("id", id).getResultList();
    if (!users.isEmpty()) {
      throw new ConflictException("template '" + t.getName() + "' is used by the config of "
          + (users.size() == 1 ? "model " : "models ") + String.join(", ", users));
    }
    em.remove(t);
    flush();
    audit.record("template.delete", "template", id, describe(t));
  }

  /**
   * Renders a saved template ({@code templateId}) or an unsaved {@code body} against a real
   * record, as subscriber {@code subscriber} would receive it for an {@code event} (default
   * update). {@code changes} are those of the record's last captured update, if any.
   *
   * @param model the record's model; defaults to the template's
   */
  public Preview preview(Long templateId, String body, String model, Long recordId,
      String event, String subscriber) {
    PayloadTemplate t = templateId == null ? null : get(templateId);
    boolean unsaved = body != null && !body.isBlank();
    List<Violation> v = new ArrayList<>();
    if (t == null && !unsaved) {
      v.add(new Violation("body", "give a template_id or a body to preview"));
    }
    String m = model != null && !model.isBlank() ? model.trim() : t == null ? null : t.getModel();
    if (m == null) {
      v.add(new Violation("model", "must name the model of the record to preview"));
    } else if (models.type(m).filter(BusinessRecord.class::isAssignableFrom).isEmpty()) {
      v.add(new Violation("model", "unknown model '" + m + "'; known models are "
          + String.join(", ", models.keys())));
    }
    if (recordId == null) {
      v.add(new Violation("record_id", "must be the id of the record to preview"));
    }
    ChangeKind kind = ChangeKind.UPDATE;
    if (event != null && !event.isBlank()) {
      try {
        kind = ChangeKind.of(event);
      } catch (IllegalArgumentException e) {
        v.add(new Violation("event", "must be one of create, update, delete"));
      }
    }
    if (!v.isEmpty()) {
      throw InvalidInputException.of(v);
    }
    Class<? extends BusinessRecord> type =
        models.require("model", m).asSubclass(BusinessRecord.class);
    Map<String, Object> data = records.get(type, recordId);
    WebhookConfig config = configs.byModel(m);
    Map<String, Object> vars = PayloadRenderer.variables(
        Uids.next("evt_"), kind.key(), m, recordId, data,
        kind == ChangeKind.UPDATE ? lastChanges(m, recordId) : null, Time.now(),
        config == null ? "medium" : config.getPriority().key(),
        config == null ? null : config.getCategory(), subscriber);
    String output = unsaved ? renderer.render(body, vars)
        : renderer.render(t.getId(), t.getVersion(), t.getBody(), vars);
    return new Preview(output, PayloadRenderer.jsonProblem(output));
  }

  /**
   * The ids of the newest records of a model that a preview can render (none for a model that is
   * not a business record), newest first.
   */
  public List<Long> recentRecordIds(String model, int limit) {
    return models.type(model).filter(BusinessRecord.class::isAssignableFrom)
        .map(type -> em.createQuery("SELECT r.id FROM " + em.getMetamodel().entity(type).getName()
            + " r ORDER BY r.id DESC", Long.class).setMaxResults(limit).getResultList())
        .orElse(List.of());
  }

  /** The changes of the record's last captured update, or null. */
  private JsonObject lastChanges(String model, long recordId) {
    return em.createQuery("SELECT e FROM OutboxEntry e WHERE e.model = :model"
            + " AND e.recordId = :recordId AND e.kind = :kind ORDER BY e.id DESC",
            OutboxEntry.class)
        .setParameter("model", model).setParameter("recordId", String.valueOf(recordId))
        .setParameter("kind", ChangeKind.UPDATE).setMaxResults(1).getResultStream()
        .findFirst()
        .map(e -> {
          try (JsonReader r = Jsonp.PROVIDER.createReader(new StringReader(e.getPayload()))) {
            return r.readObject().getJsonObject("changes");
          }
        })
        .orElse(null);
  }

  private void check(PayloadTemplate t) {
    PayloadTemplate same = t.getName() == null ? null : byName(t.getName());
    if (same != null && !same.getId().equals(t.getId())) {
      throw new ConflictException("a template named '" + t.getName() + "' already exists");
    }
    Validation.check(validator, t, rules(t));
    // only now: finding a sample record may flush the edited template, which must be valid
    renderer.validate(t.getBody(), sample(t.getModel()));
  }

  /**
   * Everything {@link #create} and {@link #update} would refuse but the name's uniqueness,
   * without saving or throwing (an import reports the errors of all its items at once). The body
   * is rendered only when the rest is valid, as on save; {@code t} must not be managed (a sample
   * record is looked up, which would flush it).
   */
  public List<Violation> violations(PayloadTemplate t) {
    List<Violation> v = new ArrayList<>(rules(t));
    v.addAll(Validation.violations(validator, t));
    if (v.isEmpty()) {
      try {
        renderer.validate(t.getBody(), sample(t.getModel()));
      } catch (InvalidInputException e) {
        v.addAll(e.violations());
      }
    }
    return v;
  }

  private List<Violation> rules(PayloadTemplate t) {
    List<Violation> v = new ArrayList<>();
    if (t.getModel() != null && models.type(t.getModel()).isEmpty()) {
      v.add(new Violation("model", "unknown model '" + t.getModel() + "'; known models are "
          + String.join(", ", models.keys())));
    }
    return v;
  }

  /**
   * What a template is checked against: an update of the newest record of its model if there is
   * one (so field types are real), else of sample data with the model's fields.
   */
  private Map<String, Object> sample(String model) {
    if (model == null) {
      return PayloadRenderer.sampleVariables(null, null);
    }
    return PayloadRenderer.sampleVariables(model,
        records.newestOrSample(models.require("model", model)));
  }

  private void flush() {
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (DatabaseOutage.isCause(e)) {
        throw e;
      }
      throw new ConflictException("the template clashes with existing data (a name already"
          + " taken, or a config still uses it)");
    }
  }

  private static String describe(PayloadTemplate t) {
    return "name=" + t.getName() + " model=" + t.getModel() + " version=" + t.getVersion();
  }
}
