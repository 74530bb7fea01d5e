package dev.autowebhook.delivery.boundary;

import dev.autowebhook.delivery.entity.AttemptTrigger;
import dev.autowebhook.delivery.entity.Delivery;
import dev.autowebhook.delivery.entity.DeliveryStatus;
import dev.autowebhook.outbox.boundary.DeliveriesQueued;
import dev.autowebhook.outbox.entity.OutboxEntry;
import dev.autowebhook.payload.boundary.PayloadTemplates;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.platform.InvalidInputException.Violation;
import dev.autowebhook.platform.Time;
import dev.autowebhook.records.boundary.Models;
import dev.autowebhook.subscription.control.Route;
import dev.autowebhook.subscription.control.SubscriptionMatcher;
import dev.autowebhook.subscription.entity.Subscriber;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replay (the {@code replay} job): the events of a time range, optionally of some models, are
 * sent again to the chosen subscribers as new attempts with trigger {@code replay}. A delivery that
 * exists is queued again unless it is still waiting or being sent; a subscriber that never had
 * the event (e.g. added later: a backfill) gets a new delivery, rendered with the model's
 * current template if the subscriber is linked to the model's config.
 */
@Stateless
public class Replays {

  /** What to replay: events occurred in [from, to), of these models (empty: all), to whom. */
  public record Scope(OffsetDateTime from, OffsetDateTime to, Set<String> models,
      Set<Long> subscriberIds) {}

  @PersistenceContext(unitName = "autowebhook")
  EntityManager em;

  @Inject Models knownModels;
  @Inject SubscriptionMatcher matcher;
  @Inject PayloadTemplates templates;
  @Inject Event<DeliveriesQueued> queued;

  /**
   * Reads and checks a scope given as text (job parameters): ISO-8601 times ({@code to} defaults
   * to now), comma-separated model keys and subscriber ids. Reports every problem at once.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Scope scope(String from, String to, String models, String subscribers) {
    List<Violation> problems = new ArrayList<>();
    OffsetDateTime f = time("from", from, null, problems);
    OffsetDateTime t = time("to", to, Time.now(), problems);
    if (f != null && t != null && !f.isBefore(t)) {
      problems.add(new Violation("to", "must be after from"));
    }
    Set<String> m = new LinkedHashSet<>(split(models));
    for (String model : m) {
      if (knownModels.type(model).isEmpty()) {
        problems.add(new Violation("models", "unknown model " + model));
      }
    }
    Set<Long> s = new LinkedHashSet<>();
    List<String> given = split(subscribers);
    if (given.isEmpty()) {
      problems.add(new Violation("subscribers", "must name at least one subscriber id"));
    }
    for (String id : given) {
      try {
        long v = Long.parseLong(id);
        if (em.find(Subscriber.class, v) == null) {
          problems.add(new Violation("subscribers", "no subscriber " + v));
        }
        s.add(v);
      } catch (NumberFormatException e) {
        problems.add(new Violation("subscribers", "not a subscriber id: " + id));
      }
    }
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
    return new Scope(f, t, Set.copyOf(m), Set.copyOf(s));
  }

  /** Ids of the scope's events in id order after {@code afterId}. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public List<Long> events(long afterId, int limit, Scope scope) {
    TypedQuery<Long> q = em.createQuery("SELECT e.id FROM OutboxEntry e WHERE e.id > :after"
        + " AND e.occurredAt >= :from AND e.occurredAt < :to"
        + (scope.models().isEmpty() ? "" : " AND e.model IN :models") + " ORDER BY e.id",
        Long.class)
        .setParameter("after", afterId).setParameter("from", scope.from())
        .setParameter("to", scope.to());
    if (!scope.models().isEmpty()) {
      q.setParameter("models", scope.models());
    }
    return q.setMaxResults(limit).getResultList();
  }

  /**
   * Queues these events again for the scope's subscribers, in a transaction of its own (a chunk
   * repeated after a crash between this commit and the job's checkpoint is queued again: receivers
   * see the same webhook-id twice, which they dedupe anyway).
   *
   * @return how many deliveries were queued
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int replay(List<Long> eventIds, Scope scope) {
    if (eventIds.isEmpty()) {
      return 0;
    }
    Map<String, Delivery> existing = new HashMap<>();
    for (Delivery d : em.createQuery("SELECT d FROM Delivery d WHERE d.eventId IN :events"
            + " AND d.subscriberId IN :subscribers", Delivery.class)
        .setParameter("events", eventIds).setParameter("subscribers", scope.subscriberIds())
        .getResultList()) {
      existing.put(d.getEventId() + "/" + d.getSubscriberId(), d);
    }
    List<OutboxEntry> events = em.createQuery(
            "SELECT e FROM OutboxEntry e WHERE e.id IN :ids ORDER BY e.id", OutboxEntry.class)
        .setParameter("ids", eventIds).getResultList();
    OffsetDateTime now = Time.now();
    int queuedNow = 0;
    for (OutboxEntry e : events) {
      Map<Long, String> bodies = null;
      for (Long subscriberId : scope.subscriberIds()) {
        Delivery d = existing.get(e.getId() + "/" + subscriberId);
        if (d != null) {
          if (d.getStatus() == DeliveryStatus.PENDING
              || d.getStatus() == DeliveryStatus.PROCESSING) {
            continue; // already on its way
          }
          d.requeue(AttemptTrigger.REPLAY);
        } else {
          if (bodies == null) {
            bodies = bodies(e, scope.subscriberIds());
          }
          Delivery fresh = new Delivery(e, em.getReference(Subscriber.class, subscriberId), now)
              .withBody(bodies.get(subscriberId));
          fresh.requeue(AttemptTrigger.REPLAY);
          em.persist(fresh);
        }
        queuedNow++;
      }
    }
    if (queuedNow > 0) {
      queued.fire(DeliveriesQueued.now());
    }
    return queuedNow;
  }

  /** The template's bodies for the subscribers linked to the event's model config. */
  private Map<Long, String> bodies(OutboxEntry e, Set<Long> subscriberIds) {
    Route route = matcher.route(e.getModel());
    if (route.templateId() == null) {
      return Map.of();
    }
    Map<Long, String> names = new LinkedHashMap<>();
    for (Long id : subscriberIds) {
      if (route.subscriberIds().contains(id)) {
        names.put(id, em.find(Subscriber.class, id).getName());
      }
    }
    return names.isEmpty() ? Map.of()
        : templates.renderFor(route.templateId(), e.getPayload(), names);
  }

  private static OffsetDateTime time(String field, String text, OffsetDateTime absent,
      List<Violation> problems) {
    if (text == null || text.isBlank()) {
      if (absent == null) {
        problems.add(new Violation(field, "is required (ISO-8601, e.g. 2026-11-01T00:00:00Z)"));
      }
      return absent;
    }
    try {
      return OffsetDateTime.parse(text.trim()).withOffsetSameInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      problems.add(new Violation(field, "must be an ISO-8601 time such as 2026-11-01T00:00:00Z"));
      return null;
    }
  }

  private static List<String> split(String list) {
    if (list == null || list.isBlank()) {
      return List.of();
    }
    return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
