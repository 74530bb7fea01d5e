package dev.autowebhook.api.subscription;

import dev.autowebhook.delivery.boundary.ConnectionTests;
import java.time.OffsetDateTime;

/** The result of Test Connection: outcome, status code, latency and what to do about it. */
public record ConnectionTestOut(boolean success, Integer statusCode, long latencyMs,
    String diagnosis, String error, String responseExcerpt, String eventId,
    OffsetDateTime testedAt) {

  static ConnectionTestOut of(ConnectionTests.Outcome o) {
    return new ConnectionTestOut(o.success(), o.statusCode(), o.latencyMs(), o.diagnosis(),
        o.error(), o.responseExcerpt(), o.eventId(), o.testedAt());
  }
}
