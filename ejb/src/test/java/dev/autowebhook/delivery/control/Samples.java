package dev.autowebhook.delivery.control;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.autowebhook.delivery.entity.AttemptTrigger;
import dev.autowebhook.delivery.entity.DeliveryStatus;
import dev.autowebhook.platform.Time;
import dev.autowebhook.subscription.entity.SubscriberKind;
import java.util.List;
import java.util.Map;

/** Targets, deliveries and results for the delivery unit tests. */
final class Samples {

  private Samples() {}

  static Target target(int maxConcurrency, int rateLimit, int windowSeconds, int maxRetries) {
    return new Target(7L, "sub", SubscriberKind.HTTP, "http://127.0.0.1:9/hook", null, 2, true,
        Map.of(), List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), maxRetries, maxConcurrency,
        rateLimit, windowSeconds);
  }

  static Outgoing delivery(long id, Target target, int attemptNo) {
    return Outgoing.single(id, "evt_" + id, "sale.order", "update", "high", attemptNo,
        AttemptTrigger.AUTOMATIC, target, ("{\"id\":\"evt_" + id + "\"}").getBytes(UTF_8));
  }

  static AttemptResult ok(Outgoing o) {
    return AttemptResult.sent(o, Time.now(), 3, 200, "", "{}");
  }

  static AttemptResult status(Outgoing o, int code) {
    return AttemptResult.failed(o, new RetrySchedule(1, 0), Time.now(), 3, code, "", null, null,
        "{}", null);
  }

  static boolean isSent(AttemptResult r) {
    return r.outcome() == DeliveryStatus.SENT;
  }
}
