package dev.autowebhook.delivery.boundary;

import dev.autowebhook.audit.boundary.AuditLog;
import dev.autowebhook.delivery.control.AttemptResult;
import dev.autowebhook.delivery.control.Diagnosis;
import dev.autowebhook.delivery.control.Outgoing;
import dev.autowebhook.delivery.control.Target;
import dev.autowebhook.delivery.entity.AttemptTrigger;
import dev.autowebhook.platform.Jsonp;
import dev.autowebhook.platform.Time;
import dev.autowebhook.platform.Uids;
import dev.autowebhook.subscription.boundary.Subscribers;
import dev.autowebhook.subscription.entity.Subscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

/**
 * Test Connection: sends one signed test event to a subscriber right now (outside the lanes and
 * any transaction) and answers status, latency and a diagnosis. Test events are marked as such
 * ({@code "event": "test"}, header {@code X-AutoWebhook-Test}) and leave no delivery or attempt
 * rows, so statistics stay clean; the admin action itself is audited. A plain CDI bean, not an
 * EJB: no transaction may span the HTTP call, and the bulkhead's refusal must reach the caller
 * as itself rather than wrapped in an EJB system exception.
 */
@ApplicationScoped
public class ConnectionTests {

  public static final String TEST_MODEL = "autowebhook.test";
  static final int CONCURRENT = 4;

  /** What the test showed. */
  public record Outcome(boolean success, Integer statusCode, long latencyMs, String diagnosis,
      String error, String responseExcerpt, String eventId, OffsetDateTime testedAt) {}

  @Inject Subscribers subscribers;
  @Inject DeliveryDispatcher dispatcher;
  @Inject AuditLog audit;

  /**
   * At most {@link #CONCURRENT} tests run at once (MicroProfile Fault Tolerance bulkhead; more are
   * refused with 429): each may hold a request thread for the subscriber's whole timeout.
   */
  @Bulkhead(CONCURRENT)
  public Outcome test(long subscriberId) {
    Subscriber s = subscribers.get(subscriberId);
    Target target = DeliveryClaims.target(s);
    OffsetDateTime now = Time.now();
    String uid = Uids.next("evt_test_");
    String body = Jsonp.PROVIDER.createObjectBuilder()
        .add("id", uid).add("model", TEST_MODEL).add("record_id", 0).add("event", "test")
        .add("timestamp", now.toString()).add("priority", "low").add("category", "test")
        .add("test", true)
        .add("data", Jsonp.PROVIDER.createObjectBuilder()
            .add("message", "Test event from Auto Webhook").add("subscriber", s.getName()))
        .add("changes", Jsonp.PROVIDER.createObjectBuilder()).build().toString();
    Outgoing probe = Outgoing.single(0, uid, TEST_MODEL, "test", "low", 1, AttemptTrigger.TEST,
        target, body.getBytes(StandardCharsets.UTF_8));
    AttemptResult r;
    try {
      r = dispatcher.probe(probe).get(target.timeoutSeconds() + 15L, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while testing the connection", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the connection test did not complete: " + e, e);
    }
    String diagnosis = Diagnosis.of(r, target);
    Outcome out = new Outcome(r.succeeded(), r.statusCode(), r.durationMs(), diagnosis,
        r.succeeded() ? null : r.summary(), r.responseExcerpt(), uid, now);
    audit.record("subscriber.test", "subscriber", s.getId(), (r.succeeded() ? "ok" : "failed")
        + " status=" + r.statusCode() + " ms=" + r.durationMs() + " " + r.summary());
    return out;
  }
}
