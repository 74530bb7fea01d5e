package dev.autowebhook.feed.boundary;

import dev.autowebhook.platform.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Gives committed events their feed position, in one short transaction that holds the feed lock
 * row, so that positions are handed out by one node at a time and always above every visible one
 * (see the package note for why this makes cursors safe).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class FeedSequencer {

  @Resource(lookup = SchemaMigration.DATASOURCE)
  DataSource dataSource;

  /** Numbers up to {@code max} events; returns how many it numbered. */
  public int sequence(int max) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement lock = c.prepareStatement(
          "SELECT id FROM aw_feed_lock WHERE id = 1 FOR UPDATE");
          ResultSet rs = lock.executeQuery()) {
        rs.next();
      }
      List<Long> ids = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id FROM aw_event WHERE feed_seq IS NULL ORDER BY id LIMIT ?")) {
        ps.setInt(1, max);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
        }
      }
      if (ids.isEmpty()) {
        return 0;
      }
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE aw_event SET feed_seq = nextval('aw_feed_seq') WHERE id = ?")) {
        for (Long id : ids) {
          ps.setLong(1, id);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE aw_feed_lock SET sequenced_at = ? WHERE id = 1")) {
        ps.setTimestamp(1, Timestamp.from(Instant.now()));
        ps.executeUpdate();
      }
      return ids.size();
    } catch (SQLException e) {
      throw new IllegalStateException("Numbering feed events failed: " + e.getMessage(), e);
    }
  }
}
