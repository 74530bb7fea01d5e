package dev.autowebhook.delivery.control;

import dev.autowebhook.audit.boundary.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Endpoint health, kept apart from each delivery's retries: a subscriber is failing since its
 * first failed attempt after the last success; one that has failed continuously for longer than
 * {@code autowebhook.auto-disable.after-seconds} is disabled with the reason and time, so its
 * backlog waits (nothing is dropped) until an admin re-enables it. 0 turns auto-disable off.
 *
 * <p>An endpoint that failed continuously for at least the first retry delay ({@code
 * autowebhook.retry.base-seconds}) was down, not merely flaky: its first success makes all its
 * waiting retries due at once, as re-enabling a subscriber does. The backlog of the outage then
 * drains in claim order (priority, then age) right away, instead of trickling in over each
 * delivery's own backoff (up to 16 minutes by default) behind newer and lower-priority events.
 */
@ApplicationScoped
public class EndpointHealth {

  private static final Logger LOG = Logger.getLogger(EndpointHealth.class.getName());

  @Inject
  @ConfigProperty(name = "autowebhook.auto-disable.after-seconds", defaultValue = "259200")
  long autoDisableSeconds;

  @Inject
  @ConfigProperty(name = "autowebhook.retry.base-seconds", defaultValue = "60")
  double retryBaseSeconds;

  @Inject AuditLog audit;

  /**
   * What a batch of results says about each subscriber: any success (with the event sent), else
   * the first failure (and the last error with the event it was for).
   */
  record Verdict(boolean succeeded, Instant firstFailure, String lastError, String lastEvent) {}

  static Map<Long, Verdict> verdicts(List<AttemptResult> results) {
    Map<Long, Verdict> out = new LinkedHashMap<>();
    for (AttemptResult r : results) {
      long id = r.outgoing().subscriberId();
      Verdict v = out.get(id);
      if (r.succeeded()) {
        out.put(id, new Verdict(true, null, null, r.outgoing().eventUid()));
      } else if (v == null) {
        out.put(id, new Verdict(false, r.startedAt().toInstant(), r.summary(),
            r.outgoing().eventUid()));
      } else if (!v.succeeded()) {
        Instant first = r.startedAt().toInstant().isBefore(v.firstFailure())
            ? r.startedAt().toInstant() : v.firstFailure();
        out.put(id, new Verdict(false, first, r.summary(), r.outgoing().eventUid()));
      }
    }
    return out;
  }

  /**
   * Updates the subscribers' health in the recorder's transaction; returns how many waiting
   * retries the recovery of an endpoint made due now (the caller looks for work then).
   */
  public int update(Connection c, List<AttemptResult> results, Instant now) throws SQLException {
    Map<Long, Verdict> verdicts = verdicts(results);
    int released = 0;
    // the latest success/failure times are refreshed at most once a second per subscriber, so a
    // busy subscriber does not turn every recorded batch into a write on its row
    Timestamp stale = Timestamp.from(now.minusSeconds(1));
    try (PreparedStatement healthy = c.prepareStatement(
        "UPDATE aw_subscriber SET failing_since = NULL, last_success_at = ? WHERE id = ?"
            + " AND (failing_since IS NOT NULL OR last_success_at IS NULL"
            + " OR last_success_at < ?)");
        PreparedStatement failing = c.prepareStatement(
            "UPDATE aw_subscriber SET failing_since = COALESCE(failing_since, ?),"
                + " last_failure_at = ?, last_failure = ? WHERE id = ?"
                + " AND (failing_since IS NULL OR last_failure_at IS NULL OR last_failure_at < ?)");
        PreparedStatement disable = c.prepareStatement(
            "UPDATE aw_subscriber SET enabled = FALSE, disabled_at = ?, disabled_reason = ?,"
                + " version = version + 1 WHERE id = ? AND enabled = TRUE"
                + " AND failing_since IS NOT NULL AND failing_since <= ?");
        PreparedStatement release = c.prepareStatement(
            "UPDATE aw_delivery SET next_attempt_at = ?, updated_at = ? WHERE subscriber_id = ?"
                + " AND status = 'FAILED' AND EXISTS (SELECT 1 FROM aw_subscriber s"
                + " WHERE s.id = ? AND s.failing_since <= ?)")) {
      Timestamp downSince = Timestamp.from(now.minusMillis(Math.round(retryBaseSeconds * 1000)));
      for (Map.Entry<Long, Verdict> e : verdicts.entrySet()) {
        Verdict v = e.getValue();
        if (v.succeeded()) {
          // before failing_since is cleared: it tells whether the endpoint was down
          release.setTimestamp(1, Timestamp.from(now));
          release.setTimestamp(2, Timestamp.from(now));
          release.setLong(3, e.getKey());
          release.setLong(4, e.getKey());
          release.setTimestamp(5, downSince);
          int n = release.executeUpdate();
          if (n > 0) {
            released += n;
            LOG.info(DeliveryLog.recovered(e.getKey(), v.lastEvent(), n));
          }
          healthy.setTimestamp(1, Timestamp.from(now));
          healthy.setLong(2, e.getKey());
          healthy.setTimestamp(3, stale);
          healthy.executeUpdate();
          continue;
        }
        failing.setTimestamp(1, Timestamp.from(v.firstFailure()));
        failing.setTimestamp(2, Timestamp.from(now));
        failing.setString(3, v.lastError() == null || v.lastError().length() <= 1000
            ? v.lastError() : v.lastError().substring(0, 1000));
        failing.setLong(4, e.getKey());
        failing.setTimestamp(5, stale);
        failing.executeUpdate();
        if (autoDisableSeconds > 0) {
          String reason = reason(autoDisableSeconds, v.lastError());
          disable.setTimestamp(1, Timestamp.from(now));
          disable.setString(2, reason);
          disable.setLong(3, e.getKey());
          disable.setTimestamp(4, Timestamp.from(now.minusSeconds(autoDisableSeconds)));
          if (disable.executeUpdate() == 1) {
            LOG.warning(DeliveryLog.autoDisabled(e.getKey(), v.lastEvent(), reason));
            audit.record("subscriber.auto-disable", "subscriber", e.getKey(), reason);
          }
        }
      }
    }
    return released;
  }

  static String reason(long seconds, String lastError) {
    String why = "every attempt failed for more than " + human(seconds) + "; last error: "
        + lastError;
    return why.length() <= 1000 ? why : why.substring(0, 999) + "…";
  }

  static String human(long seconds) {
    if (seconds % 86400 == 0) {
      return seconds / 86400 + (seconds == 86400 ? " day" : " days");
    }
    if (seconds % 3600 == 0) {
      return seconds / 3600 + (seconds == 3600 ? " hour" : " hours");
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + (seconds == 60 ? " minute" : " minutes");
    }
    return seconds + (seconds == 1 ? " second" : " seconds");
  }
}
