package dev.autowebhook.inbox.boundary;

import dev.autowebhook.audit.boundary.AuditLog;
import dev.autowebhook.platform.Time;
import dev.autowebhook.inbox.control.InboxSignature;
import dev.autowebhook.inbox.entity.InboxMessage;
import dev.autowebhook.metrics.boundary.Metrics;
import dev.autowebhook.platform.NotFoundException;
import dev.autowebhook.platform.PayloadTooLargeException;
import dev.autowebhook.subscription.boundary.Subscribers;
import dev.autowebhook.subscription.entity.Subscriber;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The built-in receiver: stores webhook requests sent to {@code /api/v1/inbox} that are signed
 * with the secret of a subscriber pointing there, so the out-of-the-box demo shows real signed
 * HTTP deliveries without any other service, and nobody else can fill the database. Keeps the
 * newest messages only; {@code autowebhook.inbox.enabled=false} turns it off.
 */
@Stateless
public class Inbox {

  public static final String PATH = "/api/v1/inbox";

  /** The largest body the inbox keeps, in bytes. */
  public static final int MAX_BODY = 256 * 1024;

  /** Counts the requests the inbox refused (not signed for it, or outside the tolerance). */
  static final String REFUSED = "autowebhook.inbox.refused";

  /**
   * Request headers the inbox shows as received (lower case; also every {@code x-autowebhook-…}):
   * transport and webhook headers. Every other value may be a credential — an api key under any
   * header name, a subscriber's custom header — and is kept as {@code ****}.
   */
  static final Set<String> SHOWN_HEADERS = Set.of("host", "connection", "content-length",
      "content-type", "accept", "accept-encoding", "user-agent", "idempotency-key", "webhook-id",
      "webhook-timestamp", "webhook-signature");

  /** How a received header is stored and shown: as received when harmless, else {@code ****}. */
  public static String shown(String name, String value) {
    String lower = name.toLowerCase(Locale.ROOT);
    return SHOWN_HEADERS.contains(lower) || lower.startsWith("x-autowebhook-") ? value : "****";
  }

  @PersistenceContext(unitName = "autowebhook")
  EntityManager em;

  @Inject Subscribers subscribers;
  @Inject AuditLog audit;

  @Inject Metrics metrics;

  @Inject
  @ConfigProperty(name = "autowebhook.inbox.keep", defaultValue = "1000")
  int keep;

  @Inject
  @ConfigProperty(name = "autowebhook.inbox.enabled", defaultValue = "true")
  boolean enabled;

  /**
   * Stores the request if it is signed (Standard Webhooks, within the 5-minute tolerance) with
   * the current or previous secret of a subscriber that points at the inbox; else stores nothing
   * and answers empty.
   *
   * @throws NotFoundException when the inbox is turned off ({@code autowebhook.inbox.enabled})
   * @throws PayloadTooLargeException when the body is larger than {@value #MAX_BODY} bytes
   */
  public Optional<InboxMessage> receive(String webhookId, String timestamp, String signature,
      String headersJson, byte[] body) {
    if (!enabled) {
      throw new NotFoundException("The built-in inbox is turned off");
    }
    if (body.length > MAX_BODY) {
      throw new PayloadTooLargeException("The body has " + body.length + " bytes; the inbox"
          + " keeps at most " + MAX_BODY, body.length, MAX_BODY);
    }
    List<String> secrets = new ArrayList<>();
    for (Subscriber s : subscribers.all()) {
      if (s.getEndpointUrl() != null && s.getEndpointUrl().contains(PATH)) {
        secrets.addAll(Subscribers.signingSecrets(s));
      }
    }
    if (!InboxSignature.verifies(webhookId, timestamp, signature, body, secrets,
        Time.now().toEpochSecond())) {
      metrics.registry().counter(REFUSED).increment();
      return Optional.empty();
    }
    // bytes that are not text show as U+FFFD; so does NUL, which PostgreSQL cannot store
    InboxMessage m = new InboxMessage(Time.now(), webhookId, headersJson,
        new String(body, StandardCharsets.UTF_8).replace('\0', '\uFFFD'), true);
    em.persist(m);
    em.flush();
    if (java.util.concurrent.ThreadLocalRandom.current().nextInt(50) == 0) {
      List<Long> cut = em.createQuery("SELECT m.id FROM InboxMessage m ORDER BY m.id DESC",
          Long.class).setFirstResult(keep).setMaxResults(1).getResultList();
      if (!cut.isEmpty()) {
        em.createQuery("DELETE FROM InboxMessage m WHERE m.id <= :cut")
            .setParameter("cut", cut.get(0)).executeUpdate();
      }
    }
    return Optional.of(m);
  }

  public List<InboxMessage> latest(int offset, int limit) {
    return em.createQuery("SELECT m FROM InboxMessage m ORDER BY m.id DESC", InboxMessage.class)
        .setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  /** How many messages the inbox holds (for a paginator). */
  public long count() {
    return em.createQuery("SELECT COUNT(m) FROM InboxMessage m", Long.class).getSingleResult();
  }

  public void clear() {
    int removed = em.createQuery("DELETE FROM InboxMessage m").executeUpdate();
    audit.record("inbox.clear", "inbox", null, "removed " + removed + " messages");
  }
}
