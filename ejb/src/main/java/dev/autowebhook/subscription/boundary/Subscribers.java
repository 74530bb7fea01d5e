package dev.autowebhook.subscription.boundary;

import dev.autowebhook.platform.Jsonp;
import dev.autowebhook.platform.Time;
import dev.autowebhook.audit.boundary.AuditLog;
import dev.autowebhook.outbox.boundary.DeliveriesQueued;
import jakarta.enterprise.event.Event;
import dev.autowebhook.messaging.control.JmsDestination;
import dev.autowebhook.platform.ConflictException;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.platform.InvalidInputException.Violation;
import dev.autowebhook.platform.NotFoundException;
import dev.autowebhook.platform.SecretBox;
import dev.autowebhook.platform.Validation;
import dev.autowebhook.subscription.control.SecretGenerator;
import dev.autowebhook.subscription.control.SubscriptionMatcher;
import dev.autowebhook.subscription.entity.AuthType;
import dev.autowebhook.subscription.entity.Subscriber;
import dev.autowebhook.subscription.entity.SubscriberKind;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Validator;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Subscriber CRUD used by the REST API and the UI: validates everything before saving (URL,
 * credentials that the auth type needs, header names), creates the signing secret, audits each
 * change. The secret is readable only on the entity returned by {@link #create}.
 */
@Stateless
public class Subscribers {

  /** Headers a subscriber may not set: transport-level, or ours (signature, idempotency). */
  static final Set<String> RESERVED_HEADERS = Set.of("host", "connection", "content-length",
      "expect", "upgrade", "content-type", "user-agent", "webhook-id", "webhook-timestamp",
      "webhook-signature", "idempotency-key", "transfer-encoding", "te", "trailer");

  /** The longest a rotated-out secret may keep signing. */
  public static final long MAX_GRACE_SECONDS = 30L * 86400;

  @PersistenceContext(unitName = "autowebhook")
  EntityManager em;

  @Inject Validator validator;
  @Inject AuditLog audit;
  @Inject SubscriptionMatcher matcher;
  @Inject Event<DeliveriesQueued> queued;

  @Inject
  @ConfigProperty(name = "autowebhook.secret-rotation.grace-seconds", defaultValue = "86400")
  long defaultGraceSeconds;

  public List<Subscriber> all() {
    return em.createNamedQuery("Subscriber.all", Subscriber.class).getResultList();
  }

  public Subscriber get(long id) {
    Subscriber s = em.find(Subscriber.class, id);
    if (s == null) {
      throw new NotFoundException("subscriber", id);
    }
    return s;
  }

  public Map<Long, Subscriber> byIds(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return em.createQuery("SELECT s FROM Subscriber s WHERE s.id IN :ids", Subscriber.class)
        .setParameter("ids", ids).getResultList().stream()
        .collect(Collectors.toMap(Subscriber::getId, Function.identity()));
  }

  /** Saves a new subscriber with a fresh signing secret; the returned entity carries it once. */
  public Subscriber create(Subscriber s) {
    s.setSigningSecret(SecretGenerator.newSecret());
    check(s, null);
    em.persist(s);
    em.flush();
    audit.record("subscriber.create", "subscriber", s.getId(), "name=" + s.getName());
    matcher.invalidate();
    return s;
  }

  /** Applies an edit to the stored subscriber, validates and saves it (all or nothing). */
  public Subscriber update(long id, Consumer<Subscriber> edit) {
    Subscriber s = get(id);
    boolean wasEnabled = s.isEnabled();
    edit.accept(s);
    check(s, s.getId());
    if (s.isEnabled() && !wasEnabled) {
      s.setDisabledReason(null);
      s.setDisabledAt(null);
      s.setFailingSince(null);
      resume(s);
    }
    em.flush();
    audit.record("subscriber.update", "subscriber", s.getId(), "name=" + s.getName());
    matcher.invalidate();
    return s;
  }

  /**
   * What waited while the subscriber was disabled (new deliveries and retries backing off) becomes
   * due now and goes out right after the commit.
   */
  private void resume(Subscriber s) {
    em.createQuery("UPDATE Delivery d SET d.nextAttemptAt = :now WHERE d.subscriberId = :id"
        + " AND d.status IN (dev.autowebhook.delivery.entity.DeliveryStatus.PENDING,"
        + " dev.autowebhook.delivery.entity.DeliveryStatus.FAILED)")
        .setParameter("now", Time.now()).setParameter("id", s.getId()).executeUpdate();
    queued.fire(DeliveriesQueued.now());
  }

  /**
   * Replaces the signing secret; the previous one stays valid (both signatures are sent) for
   * {@code graceSeconds} (null: {@code autowebhook.secret-rotation.grace-seconds}, a day by
   * default). The returned entity carries the new secret, once.
   */
  public Subscriber rotateSecret(long id, Long grace) {
    long graceSeconds = grace == null ? defaultGraceSeconds : grace;
    if (graceSeconds < 0 || graceSeconds > MAX_GRACE_SECONDS) {
      throw new InvalidInputException("grace_seconds",
          "must be between 0 and " + MAX_GRACE_SECONDS + " (30 days)");
    }
    Subscriber s = get(id);
    OffsetDateTime now = Time.now();
    if (graceSeconds > 0) {
      s.setPreviousSecret(s.getSigningSecret());
      s.setPreviousSecretUntil(now.plusSeconds(graceSeconds));
    } else {
      s.setPreviousSecret(null);
      s.setPreviousSecretUntil(null);
    }
    s.setSigningSecret(SecretGenerator.newSecret());
    em.flush();
    audit.record("subscriber.rotate-secret", "subscriber", s.getId(),
        "name=" + s.getName() + " grace_seconds=" + graceSeconds);
    return s;
  }

  public void delete(long id) {
    Subscriber s = get(id);
    em.remove(s);
    em.flush();
    audit.record("subscriber.delete", "subscriber", id, "name=" + s.getName());
    matcher.invalidate();
  }

  /** The subscriber of that name, or null. */
  public Subscriber byName(String name) {
    // COMMIT: an edited (unchecked) entity must not be flushed by this query
    return em.createNamedQuery("Subscriber.byName", Subscriber.class)
        .setParameter("name", name).setFlushMode(FlushModeType.COMMIT).getResultStream()
        .findFirst().orElse(null);
  }

  /**
   * Everything {@link #create} and {@link #update} would refuse, without saving, flushing or
   * throwing (an import reports the errors of all its items at once); but the name's uniqueness,
   * and the signing secret of a new subscriber, which {@link #create} makes.
   */
  public List<Violation> violations(Subscriber s) {
    List<Violation> v = new ArrayList<>(rules(s));
    Validation.violations(validator, s).stream()
        .filter(x -> s.getId() != null || !x.field().equals("signing_secret"))
        .forEach(v::add);
    return v;
  }

  private void check(Subscriber s, Long self) {
    Validation.check(validator, s, rules(s));
    // COMMIT: the query must not flush the edited (unchecked) entity before this check is done
    List<Subscriber> same = em.createNamedQuery("Subscriber.byName", Subscriber.class)
        .setParameter("name", s.getName()).setFlushMode(FlushModeType.COMMIT).getResultList();
    if (same.stream().anyMatch(o -> !o.getId().equals(self))) {
      throw new ConflictException("a subscriber named '" + s.getName() + "' already exists");
    }
  }

  /** The rules beyond the entity's own constraints. */
  private static List<Violation> rules(Subscriber s) {
    List<Violation> v = new ArrayList<>();
    // encrypted columns: the ciphertext must fit (a longer value failed at insert with a 500)
    encrypted("auth_token", s.getAuthToken(), SECRET_COLUMN, v);
    encrypted("api_key", s.getApiKey(), SECRET_COLUMN, v);
    encrypted("basic_password", s.getBasicPassword(), SECRET_COLUMN, v);
    encrypted("custom_headers", s.getCustomHeaders(), HEADERS_COLUMN, v);
    if (s.getKind() == SubscriberKind.HTTP) {
      String url = s.getEndpointUrl();
      if (url == null || url.isBlank()) {
        v.add(new Violation("endpoint_url", "is required for an http subscriber"));
      } else {
        String why = urlProblem(url);
        if (why != null) {
          v.add(new Violation("endpoint_url", why));
        }
      }
    } else if (s.getKind() == SubscriberKind.JMS) {
      try {
        JmsDestination.parse(s.getJmsDestination());
      } catch (InvalidInputException e) {
        v.addAll(e.violations());
      }
    }
    if (s.getAuthToken() != null && !headerSafe(s.getAuthToken())) {
      v.add(new Violation("auth_token", "must be printable Latin-1 text on one line"));
    }
    if (s.getApiKey() != null && !headerSafe(s.getApiKey())) {
      v.add(new Violation("api_key", "must be printable Latin-1 text on one line"));
    }
    if (s.getBasicPassword() != null && !headerSafe(s.getBasicPassword())) {
      v.add(new Violation("basic_password", "must be printable Latin-1 text on one line"));
    }
    if (s.getAuthType() == AuthType.BEARER && blank(s.getAuthToken())) {
      v.add(new Violation("auth_token", "is required when auth_type is bearer"));
    }
    if (s.getAuthType() == AuthType.API_KEY && blank(s.getApiKey())) {
      v.add(new Violation("api_key", "is required when auth_type is api_key"));
    }
    if (s.getAuthType() == AuthType.BASIC) {
      if (blank(s.getBasicUsername())) {
        v.add(new Violation("basic_username", "is required when auth_type is basic"));
      } else if (s.getBasicUsername().contains(":")) {
        v.add(new Violation("basic_username", "must not contain ':'"));
      }
      if (blank(s.getBasicPassword())) {
        v.add(new Violation("basic_password", "is required when auth_type is basic"));
      }
    }
    try {
      customHeaders(s.getCustomHeaders());
    } catch (InvalidInputException e) {
      v.addAll(e.violations());
    }
    if (s.getAuthType() == AuthType.API_KEY && s.getApiKeyHeader() != null
        && RESERVED_HEADERS.contains(s.getApiKeyHeader().toLowerCase(Locale.ROOT))) {
      v.add(new Violation("api_key_header", "'" + s.getApiKeyHeader() + "' is reserved"));
    }
    return v;
  }

  /** Column sizes of the encrypted attributes (V1 migration). */
  static final int SECRET_COLUMN = 2048;
  static final int HEADERS_COLUMN = 8000;

  private static void encrypted(String field, String value, int column, List<Violation> v) {
    int max = SecretBox.capacity(column);
    if (value != null && value.getBytes(StandardCharsets.UTF_8).length > max) {
      v.add(new Violation(field, "must be at most " + max + " bytes"
          + (field.equals("custom_headers") ? " in all (as JSON)" : "")));
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** Why a subscriber URL is unusable, or null. Reachability is checked at send time. */
  public static String urlProblem(String url) {
    try {
      URI u = new URI(url.trim());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return "must be an http:// or https:// URL";
      }
      if (u.getHost() == null || u.getHost().isBlank()) {
        return "must name a host";
      }
      if (u.getUserInfo() != null) {
        return "must not carry credentials; use auth_type basic";
      }
      if (u.getFragment() != null) {
        return "must not have a #fragment";
      }
      return null;
    } catch (URISyntaxException e) {
      return "is not a valid URL: " + e.getReason();
    }
  }

  /** Parses and validates the custom headers JSON object (name → string value). */
  public static Map<String, String> customHeaders(String json) {
    Map<String, String> out = new LinkedHashMap<>();
    if (json == null || json.isBlank()) {
      return out;
    }
    JsonObject obj;
    try (JsonReader r = Jsonp.PROVIDER.createReader(new StringReader(json))) {
      obj = r.readObject();
    } catch (JsonParsingException | ClassCastException | IllegalStateException e) {
      throw new InvalidInputException("custom_headers", "must be a JSON object of strings");
    }
    List<Violation> v = new ArrayList<>();
    for (Map.Entry<String, JsonValue> e : obj.entrySet()) {
      String name = e.getKey();
      if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}")) {
        v.add(new Violation("custom_headers." + name, "is not a valid header name"));
      } else if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))
          || name.equalsIgnoreCase("authorization")) {
        v.add(new Violation("custom_headers." + name, "is reserved; use auth_type for credentials"));
      } else if (!(e.getValue() instanceof JsonString s) || !headerSafe(s.getString())) {
        v.add(new Violation("custom_headers." + name,
            "must be a single-line string of printable Latin-1 characters"));
      } else {
        out.put(name, s.getString());
      }
    }
    if (!v.isEmpty()) {
      throw InvalidInputException.of(v);
    }
    return out;
  }

  /** True when the value can be sent as an HTTP header value (no control characters, Latin-1). */
  public static boolean headerSafe(String value) {
    return value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c != 0x7f && c <= 0xff));
  }

  /** The headers a request to this subscriber carries besides ours: custom, then auth. */
  public static Map<String, String> requestHeaders(Subscriber s) {
    Map<String, String> h = new LinkedHashMap<>(customHeaders(s.getCustomHeaders()));
    switch (s.getAuthType()) {
      case BEARER -> h.put("Authorization", "Bearer " + s.getAuthToken());
      case API_KEY -> h.put(s.getApiKeyHeader(), s.getApiKey());
      case BASIC -> h.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (s.getBasicUsername() + ":" + s.getBasicPassword()).getBytes(StandardCharsets.UTF_8)));
      default -> { }
    }
    return h;
  }

  /** The current secret, plus the previous one while its grace period lasts. */
  public static List<String> signingSecrets(Subscriber s) {
    List<String> secrets = new ArrayList<>(2);
    secrets.add(s.getSigningSecret());
    if (s.getPreviousSecret() != null && s.getPreviousSecretUntil() != null
        && s.getPreviousSecretUntil().isAfter(Time.now())) {
      secrets.add(s.getPreviousSecret());
    }
    return secrets;
  }
}
