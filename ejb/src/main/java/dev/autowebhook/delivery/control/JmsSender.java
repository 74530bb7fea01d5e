package dev.autowebhook.delivery.control;

import dev.autowebhook.messaging.control.JmsDestination;
import dev.autowebhook.messaging.control.JmsPublisher;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.platform.Jsonp;
import dev.autowebhook.platform.Time;
import jakarta.jms.JMSException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The JMS delivery channel: publishes the request body as a text message with the properties
 * {@code model}, {@code event}, {@code priority}, {@code event_id} (and {@code attempt}) to the
 * subscriber's queue or topic. A confirmed send is success; anything else is a failed attempt
 * with the same retry, dead-letter and audit semantics as HTTP. Sends block, so they run on a
 * pool of their own and never hold the threads that complete HTTP deliveries.
 */
public class JmsSender implements DeliveryChannel {

  private final JmsPublisher publisher;
  private final Executor executor;
  private final RetrySchedule schedule;

  public JmsSender(JmsPublisher publisher, Executor executor, RetrySchedule schedule) {
    this.publisher = publisher;
    this.executor = executor;
    this.schedule = schedule;
  }

  @Override
  public CompletableFuture<AttemptResult> send(Outgoing out) {
    try {
      return CompletableFuture.supplyAsync(() -> publish(out), executor);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(failed(out, Time.now(), System.nanoTime(),
          "JmsError", "no thread free to publish: " + e.getMessage(), null));
    }
  }

  static Map<String, String> properties(Outgoing out) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("model", out.model());
    p.put("event", out.event());
    p.put("priority", out.priority());
    p.put("event_id", out.eventUid());
    p.put("attempt", Integer.toString(out.attemptNo()));
    if (out.isBatch()) {
      p.put("batch_size", Integer.toString(out.members().size()));
    }
    return p;
  }

  AttemptResult publish(Outgoing out) {
    OffsetDateTime started = Time.now();
    long t0 = System.nanoTime();
    Map<String, String> props = properties(out);
    String shown = Jsonp.PROVIDER.createObjectBuilder(new LinkedHashMap<String, Object>(props))
        .build().toString();
    try {
      JmsDestination dest = JmsDestination.parse(out.target().jmsDestination());
      publisher.publish(dest, new String(out.body(), StandardCharsets.UTF_8), props,
          out.target().timeoutSeconds());
      return AttemptResult.sent(out, started, elapsed(t0), null, null, shown);
    } catch (InvalidInputException e) {
      return failed(out, started, t0, "InvalidDestination", e.getMessage(), shown);
    } catch (JMSException e) {
      String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
      String kind = message.startsWith("JMS is not configured") ? "JmsNotConfigured" : "JmsError";
      return failed(out, started, t0, kind, message, shown);
    } catch (RuntimeException e) {
      return failed(out, started, t0, e.getClass().getSimpleName(), String.valueOf(e.getMessage()),
          shown);
    }
  }

  private AttemptResult failed(Outgoing out, OffsetDateTime started, long t0, String errorClass,
      String message, String shown) {
    return AttemptResult.failed(out, schedule, started, elapsed(t0), null, null, errorClass,
        message, shown, null);
  }

  private static long elapsed(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
