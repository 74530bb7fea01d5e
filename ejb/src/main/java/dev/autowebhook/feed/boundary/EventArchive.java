package dev.autowebhook.feed.boundary;

import dev.autowebhook.platform.Jsonp;
import dev.autowebhook.platform.SchemaMigration;
import dev.autowebhook.platform.Time;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Feed archival (the {@code feed-archival} job): archived events older than
 * {@code autowebhook.retention.archive-days} (365) leave the database for gzipped JSON-lines files
 * in {@code autowebhook.retention.archive-dir} — cold storage an operator can keep, ship or drop.
 * One file per chunk, named after its first and last event id, written to a temporary name,
 * forced to disk and renamed before the chunk's rows are deleted: a chunk repeated after a crash
 * rewrites the same file, so nothing is lost and nothing is archived twice.
 */
@Stateless
public class EventArchive {

  @Resource(lookup = SchemaMigration.DATASOURCE)
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "autowebhook.retention.archive-days", defaultValue = "365")
  long archiveDays;

  @Inject
  @ConfigProperty(name = "autowebhook.retention.archive-dir", defaultValue = "data/archive")
  String archiveDir;

  /** Archived before this instant: the configured age, or the given one (days) from now. */
  public Instant cutoff(Long days) {
    return Time.daysAgo("archive_days", days, archiveDays);
  }

  /** Where the files go. */
  public Path directory() {
    return Path.of(archiveDir).toAbsolutePath();
  }

  /** Ids of archived events older than the cut-off, in id order after {@code afterId}. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public List<Long> expired(long afterId, int limit, Instant cutoff) {
    List<Long> ids = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT id FROM aw_event_archive WHERE id > ?"
            + " AND occurred_at < ? ORDER BY id LIMIT ?")) {
      ps.setLong(1, afterId);
      ps.setTimestamp(2, Timestamp.from(cutoff));
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the archive failed: " + e.getMessage(), e);
    }
  }

  /**
   * Writes these archived events to one file and deletes them, in a transaction of its own.
   *
   * @return the file written, or null when none of them was left
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Path moveToFile(List<Long> ids) {
    if (ids.isEmpty()) {
      return null;
    }
    String in = FeedRetention.in(ids);
    try (Connection c = dataSource.getConnection()) {
      List<String> lines = new ArrayList<>();
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      try (PreparedStatement ps = c.prepareStatement("SELECT id, uid, model, record_id, kind,"
          + " priority, category, occurred_at, feed_seq, archived_at, payload"
          + " FROM aw_event_archive WHERE id IN (" + in + ") ORDER BY id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong("id");
          first = Math.min(first, id);
          last = Math.max(last, id);
          lines.add(line(rs));
        }
      }
      if (lines.isEmpty()) {
        return null;
      }
      Path file = write(String.format("events-%019d-%019d.jsonl.gz", first, last), lines);
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM aw_event_archive WHERE id IN (" + in + ")")) {
        ps.executeUpdate();
      }
      return file;
    } catch (SQLException e) {
      throw new IllegalStateException("Archiving to files failed: " + e.getMessage(), e);
    }
  }

  private static String line(ResultSet rs) throws SQLException {
    JsonObjectBuilder b = Jsonp.PROVIDER.createObjectBuilder()
        .add("id", rs.getLong("id"))
        .add("uid", rs.getString("uid"))
        .add("model", rs.getString("model"))
        .add("record_id", rs.getString("record_id"))
        .add("kind", rs.getString("kind"))
        .add("priority", rs.getString("priority"))
        .add("occurred_at", rs.getTimestamp("occurred_at").toInstant().toString())
        .add("archived_at", rs.getTimestamp("archived_at").toInstant().toString());
    String category = rs.getString("category");
    if (category == null) {
      b.addNull("category");
    } else {
      b.add("category", category);
    }
    long seq = rs.getLong("feed_seq");
    if (rs.wasNull()) {
      b.addNull("feed_seq");
    } else {
      b.add("feed_seq", seq);
    }
    // the stored envelope is JSON already: spliced in, not parsed and printed again
    String json = b.build().toString();
    return json.substring(0, json.length() - 1) + ",\"envelope\":" + rs.getString("payload") + "}";
  }

  private Path write(String name, List<String> lines) {
    try {
      Path dir = directory();
      Files.createDirectories(dir);
      Path tmp = dir.resolve(name + ".tmp");
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp));
          Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
        for (String l : lines) {
          w.write(l);
          w.write('\n');
        }
      }
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Path file = dir.resolve(name);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the archive file " + name, e);
    }
  }
}
