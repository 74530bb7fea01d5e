package dev.autowebhook.inbox.boundary;

import dev.autowebhook.audit.boundary.AuditLog;
import dev.autowebhook.platform.Time;
import dev.autowebhook.delivery.control.Signer;
import dev.autowebhook.inbox.entity.InboxMessage;
import dev.autowebhook.subscription.boundary.Subscribers;
import dev.autowebhook.subscription.entity.Subscriber;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The built-in receiver: stores webhook requests sent to {@code /api/v1/inbox} and checks their
 * signature against the secrets of the subscribers that point there, so the out-of-the-box demo
 * shows real signed HTTP deliveries without any other service. Keeps the newest messages only.
 */
@Stateless
public class Inbox {

  public static final String PATH = "/api/v1/inbox";

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

  @Inject
  @ConfigProperty(name = "autowebhook.inbox.keep", defaultValue = "1000")
  int keep;

  public InboxMessage receive(String webhookId, String timestamp, String signature,
      String headersJson, byte[] body) {
    Boolean valid = null;
    if (webhookId != null && timestamp != null && signature != null) {
      valid = verify(webhookId, timestamp, signature, body);
    }
    // bytes that are not text show as U+FFFD; so does NUL, which PostgreSQL cannot store
    InboxMessage m = new InboxMessage(Time.now(), webhookId, headersJson,
        new String(body, StandardCharsets.UTF_8).replace('\0', '\uFFFD'), valid);
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
    return m;
  }

  private boolean verify(String id, String timestamp, String signatures, byte[] body) {
    long ts;
    try {
      ts = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      return false;
    }
    List<String> given = Arrays.asList(signatures.trim().split(" "));
    for (Subscriber s : subscribers.all()) {
      if (s.getEndpointUrl() == null || !s.getEndpointUrl().contains(PATH)) {
        continue;
      }
      for (String secret : Subscribers.signingSecrets(s)) {
        if (given.contains(Signer.sign(secret, id, ts, body))) {
          return true;
        }
      }
    }
    return false;
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
