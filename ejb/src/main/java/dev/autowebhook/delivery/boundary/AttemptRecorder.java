package dev.autowebhook.delivery.boundary;

import dev.autowebhook.delivery.control.AttemptResult;
import dev.autowebhook.delivery.control.DeliveryMetrics;
import dev.autowebhook.delivery.control.EndpointHealth;
import dev.autowebhook.delivery.control.Outgoing;
import dev.autowebhook.delivery.entity.DeliveryStatus;
import dev.autowebhook.platform.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Records a batch of attempt results in one transaction: appends the attempts (the audit trail)
 * and moves each delivery to sent, failed (with its next attempt time) or dead — but only while
 * this node still holds its lease; a delivery taken over by another node keeps that node's state.
 * The subscribers' health follows from the same results ({@link EndpointHealth}), and the
 * dashboard's per-minute figures count them ({@link DeliveryMetrics}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AttemptRecorder {

  @Resource(lookup = SchemaMigration.DATASOURCE)
  DataSource dataSource;

  @Inject EndpointHealth health;
  @Inject DeliveryMetrics metrics;

  /**
   * Records the results; returns how many waiting retries became due now because an endpoint
   * recovered ({@link EndpointHealth#update}).
   */
  public int record(String node, List<AttemptResult> results) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement attempt = c.prepareStatement(
            "INSERT INTO aw_attempt (id, delivery_id, attempt_no, trigger_kind, outcome,"
                + " started_at, duration_ms, url, request_headers, status_code, response_excerpt,"
                + " error_class, error_message, node, batch_id)"
                + " VALUES (nextval('aw_attempt_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement delivery = c.prepareStatement(
            "UPDATE aw_delivery SET status = ?, attempts = ?, next_attempt_at = COALESCE(?,"
                + " next_attempt_at), next_trigger = 'AUTOMATIC', lease_owner = NULL,"
                + " lease_until = NULL, last_status_code = ?, last_error = ?, sent_at = ?,"
                + " updated_at = ? WHERE id = ? AND status = 'PROCESSING' AND lease_owner = ?")) {
      Timestamp now = Timestamp.from(Instant.now());
      for (AttemptResult r : results) {
        Outgoing o = r.outgoing();
        attempt.setLong(1, o.deliveryId());
        attempt.setInt(2, o.attemptNo());
        attempt.setString(3, o.trigger().name());
        attempt.setString(4, r.outcome().name());
        attempt.setTimestamp(5, Timestamp.from(r.startedAt().toInstant()));
        attempt.setLong(6, r.durationMs());
        attempt.setString(7, cut(o.target().address(), 2048));
        attempt.setString(8, cut(r.maskedHeaders(), 8000));
        setInt(attempt, 9, r.statusCode());
        attempt.setString(10, cut(r.responseExcerpt(), 2000));
        attempt.setString(11, cut(r.errorClass(), 255));
        attempt.setString(12, cut(r.errorMessage(), 1000));
        attempt.setString(13, node);
        attempt.setString(14, r.batchId());
        attempt.addBatch();

        delivery.setString(1, r.outcome().name());
        delivery.setInt(2, o.attemptNo());
        delivery.setTimestamp(3, r.nextAttemptAt() == null ? null
            : Timestamp.from(r.nextAttemptAt().toInstant()));
        setInt(delivery, 4, r.statusCode());
        delivery.setString(5, r.succeeded() ? null : cut(r.summary(), 1000));
        delivery.setTimestamp(6, r.outcome() == DeliveryStatus.SENT ? now : null);
        delivery.setTimestamp(7, now);
        delivery.setLong(8, o.deliveryId());
        delivery.setString(9, node);
        delivery.addBatch();
      }
      attempt.executeBatch();
      delivery.executeBatch();
      int released = health.update(c, results, now.toInstant());
      metrics.count(results);
      return released;
    } catch (SQLException e) {
      throw new IllegalStateException("Recording attempts failed: " + e.getMessage(), e);
    }
  }

  private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setInt(index, value);
    }
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
