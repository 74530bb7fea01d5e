package dev.autowebhook.outbox.boundary;

import dev.autowebhook.platform.Jsonp;
import dev.autowebhook.platform.Time;
import dev.autowebhook.capture.control.PayloadLimit;
import dev.autowebhook.capture.control.PendingChanges;
import dev.autowebhook.capture.entity.ChangeKind;
import dev.autowebhook.capture.entity.EntityChanged;
import dev.autowebhook.delivery.entity.Delivery;
import dev.autowebhook.outbox.entity.OutboxEntry;
import dev.autowebhook.payload.boundary.PayloadTemplates;
import dev.autowebhook.platform.Uids;
import dev.autowebhook.records.control.RecordMapper;
import dev.autowebhook.subscription.control.FilterRule;
import dev.autowebhook.subscription.control.Route;
import dev.autowebhook.subscription.control.SubscriptionMatcher;
import dev.autowebhook.subscription.entity.Subscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends captured changes to the outbox inside the business transaction: one immutable
 * {@link OutboxEntry} (the envelope) per change that the model's config tracks, and one pending
 * {@link Delivery} per subscriber that wants it (its config's filter rule decides whether any
 * does; each gets the body its template renders, rendered
 * once here so that retries send identical bytes). An event larger than {@link PayloadLimit}
 * refuses the whole transaction. Dispatching starts after the commit.
 */
@ApplicationScoped
public class Outbox {

  /** Fields whose change alone is not a business change. */
  static final List<String> BOOKKEEPING = List.of("version", "updated_at");

  @PersistenceContext(unitName = "autowebhook")
  EntityManager em;

  @Inject SubscriptionMatcher matcher;
  @Inject PayloadLimit limit;
  @Inject PayloadTemplates templates;
  @Inject Event<DeliveriesQueued> queued;
  @Inject Event<EventsAppended> appended;

  /** Flushes the persistence context (firing the listeners) and appends what was captured. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void flushAndAppend(PendingChanges pending) {
    em.flush();
    if (!pending.isEmpty()) {
      append(pending.drain());
    }
  }

  /**
   * Appends changes to the outbox in the caller's transaction, e.g. a programmatic event (the
   * original module's {@code create_event}) or changes captured elsewhere.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<OutboxEntry> append(List<EntityChanged> changes) {
    OffsetDateTime now = Time.now();
    List<OutboxEntry> entries = new ArrayList<>();
    boolean due = false;
    Duration waitingFor = null;
    for (EntityChanged c : changes) {
      Route route = matcher.route(c.model());
      Map<String, Map<String, Object>> diff = new LinkedHashMap<>();
      if (c.kind() == ChangeKind.UPDATE) {
        diff = diff(c.before(), c.after());
        diff.keySet().removeIf(f -> !route.tracks(f));
        if (diff.isEmpty()) {
          continue; // only untracked or bookkeeping fields changed: no event
        }
      }
      String uid = Uids.next("evt_");
      Map<String, Object> data = route.filter(c.data());
      String envelope = envelope(uid, c, route, now, data, diff);
      limit.check(c.model(), c.kind(), envelope); // too large: 413, the transaction rolls back
      OutboxEntry entry = new OutboxEntry(uid, c.model(), c.recordId(), c.kind(),
          route.priority(), route.category(), now, envelope);
      em.persist(entry);
      entries.add(entry);
      if (route.delivers(c.kind()) && route.passes(FilterRule.variables(c.kind().key(),
          c.model(), c.recordId(), data, diff, route.priority().key(), route.category()))) {
        Map<Long, String> bodies = route.templateId() == null ? Map.of()
            : templates.renderFor(route.templateId(), envelope, names(route.subscriberIds()));
        for (Long subscriberId : route.subscriberIds()) {
          Delivery d = new Delivery(entry, em.getReference(Subscriber.class, subscriberId), now)
              .withBody(bodies.get(subscriberId));
          if (route.batched()) {
            d.batched(c.model(), route.batchTimeoutSeconds());
            Duration wait = Duration.ofSeconds(route.batchTimeoutSeconds());
            waitingFor = waitingFor == null || wait.compareTo(waitingFor) < 0 ? wait : waitingFor;
          } else {
            due = true;
          }
          em.persist(d);
        }
      }
    }
    if (!entries.isEmpty()) {
      appended.fire(new EventsAppended(entries.size()));
    }
    if (due || waitingFor != null) {
      queued.fire(new DeliveriesQueued(due ? null : waitingFor));
    }
    return entries;
  }

  /** Subscriber id → name (what a template sees as {@code subscriber}). */
  private Map<Long, String> names(List<Long> subscriberIds) {
    Map<Long, String> names = new LinkedHashMap<>();
    for (Long id : subscriberIds) {
      names.put(id, em.find(Subscriber.class, id).getName());
    }
    return names;
  }

  /** field → {old, new} for every field whose value differs, bookkeeping fields aside. */
  public static Map<String, Map<String, Object>> diff(Map<String, Object> before,
      Map<String, Object> after) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    if (after == null) {
      return out;
    }
    for (Map.Entry<String, Object> e : after.entrySet()) {
      String field = e.getKey();
      if (BOOKKEEPING.contains(field)) {
        continue;
      }
      Object old = before == null ? null : before.get(field);
      if (before != null && !before.containsKey(field)) {
        continue; // not known before (e.g. lines not loaded): cannot tell
      }
      if (!RecordMapper.same(old, e.getValue())) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("old", old);
        change.put("new", e.getValue());
        out.put(field, change);
      }
    }
    return out;
  }

  static String envelope(String uid, EntityChanged c, Route route, OffsetDateTime now,
      Map<String, Object> data, Map<String, Map<String, Object>> changes) {
    JsonObjectBuilder b = Jsonp.PROVIDER.createObjectBuilder()
        .add("id", uid)
        .add("model", c.model())
        .add("record_id", recordId(c.recordId()))
        .add("event", c.kind().key())
        .add("timestamp", now.truncatedTo(ChronoUnit.MILLIS).toString())
        .add("priority", route.priority().key());
    if (route.category() == null) {
      b.addNull("category");
    } else {
      b.add("category", route.category());
    }
    b.add("data", data == null ? Jsonp.PROVIDER.createObjectBuilder() : Jsonp.PROVIDER.createObjectBuilder(data));
    Map<String, Object> ch = new LinkedHashMap<>(changes);
    b.add("changes", Jsonp.PROVIDER.createObjectBuilder(ch));
    return b.build().toString();
  }

  private static jakarta.json.JsonValue recordId(String id) {
    try {
      return Jsonp.PROVIDER.createValue(Long.parseLong(id));
    } catch (NumberFormatException e) {
      return Jsonp.PROVIDER.createValue(id);
    }
  }
}
