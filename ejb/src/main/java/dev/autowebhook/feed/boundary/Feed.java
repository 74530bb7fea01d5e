package dev.autowebhook.feed.boundary;

import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.platform.Jsonp;
import dev.autowebhook.platform.SchemaMigration;
import dev.autowebhook.records.boundary.Models;
import dev.autowebhook.subscription.entity.Priority;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Reads the pull feed: the numbered events after a cursor, in feed order, optionally only some
 * models and priorities. Filters apply in the query, so {@code has_more} speaks of matching
 * events only; when nothing more matches, the next cursor moves to the feed's head so a filtered
 * client does not scan the same unmatched events again.
 *
 * <p>An event goes out as the JSON text stored for it with its {@code cursor} appended: the
 * stored envelope is already the event's exact JSON, so it is never parsed on the way out (that
 * parse and re-serialisation was most of the cost of a page).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Feed {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  /**
   * One page: the events (each the JSON text of an envelope with its {@code cursor}, in feed
   * order), where to go on, and if more.
   */
  public record Page(List<String> events, long nextCursor, boolean hasMore) {}

  @Resource(lookup = SchemaMigration.DATASOURCE)
  DataSource dataSource;

  @Inject Models models;

  /** Parses a cursor as clients send it (absent → 0). */
  public static long cursor(String field, String value) {
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      long c = Long.parseLong(value.strip());
      if (c < 0) {
        throw new NumberFormatException();
      }
      return c;
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, "is not a cursor of this feed: use the next_cursor"
          + " of a previous page, or leave it out to start at the beginning");
    }
  }

  public static int limit(Integer limit) {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return limit;
  }

  /** Checks model keys against the tracked models (400 naming the unknown ones). */
  public Set<String> models(Collection<String> keys) {
    Set<String> out = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String k : keys) {
      String key = k.trim();
      if (key.isEmpty()) {
        continue;
      }
      if (models.type(key).isEmpty()) {
        unknown.add(key);
      } else {
        out.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidInputException("models", "unknown model(s) " + unknown
          + "; known models are " + String.join(", ", models.keys()));
    }
    return out;
  }

  public static Set<Priority> priorities(Collection<String> keys) {
    Set<Priority> out = new LinkedHashSet<>();
    for (String k : keys) {
      if (k.isBlank()) {
        continue;
      }
      try {
        out.add(Priority.valueOf(k.trim().toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("priority", "'" + k.trim()
            + "' is not one of high, medium, low");
      }
    }
    return out;
  }

  /**
   * @param modelFilter models to include (empty: all)
   * @param priorityFilter priorities to include (empty: all)
   */
  public Page read(long after, int limit, Set<String> modelFilter, Set<Priority> priorityFilter) {
    StringBuilder sql = new StringBuilder(
        "SELECT feed_seq, payload FROM aw_event WHERE feed_seq > ?");
    if (!modelFilter.isEmpty()) {
      sql.append(" AND model IN (").append(marks(modelFilter.size())).append(')');
    }
    if (!priorityFilter.isEmpty()) {
      sql.append(" AND priority IN (").append(marks(priorityFilter.size())).append(')');
    }
    sql.append(" ORDER BY feed_seq LIMIT ?");
    try (Connection c = dataSource.getConnection()) {
      long head = head(c);
      List<String> events = new ArrayList<>(Math.min(limit, 1000));
      long last = after;
      boolean more = false;
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        int i = 1;
        ps.setLong(i++, after);
        for (String m : modelFilter) {
          ps.setString(i++, m);
        }
        for (Priority p : priorityFilter) {
          ps.setString(i++, p.name());
        }
        ps.setInt(i, limit + 1);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            if (events.size() == limit) {
              more = true;
              break;
            }
            last = rs.getLong(1);
            events.add(withCursor(rs.getString(2), last));
          }
        }
      }
      return new Page(events, more ? last : Math.max(last, head), more);
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the feed failed: " + e.getMessage(), e);
    }
  }

  /** The highest feed position given out so far (0 for an empty feed). */
  public long head() {
    try (Connection c = dataSource.getConnection()) {
      return head(c);
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the feed failed: " + e.getMessage(), e);
    }
  }

  /** How many events of these models lie in (from, to]. */
  public long count(long from, long to, Set<String> modelFilter) {
    String sql = "SELECT COUNT(*) FROM aw_event WHERE feed_seq > ? AND feed_seq <= ?"
        + (modelFilter.isEmpty() ? "" : " AND model IN (" + marks(modelFilter.size()) + ")");
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      ps.setLong(i++, from);
      ps.setLong(i++, to);
      for (String m : modelFilter) {
        ps.setString(i++, m);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Counting feed events failed: " + e.getMessage(), e);
    }
  }

  private static long head(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT MAX(feed_seq) FROM aw_event");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * The stored envelope {@code payload} with {@code "cursor":"<seq>"} as its last member. The
   * envelopes are compact JSON objects written by the outbox, so the member is spliced in before
   * the closing brace. Anything else, or an envelope that mentions a {@code "cursor"} (which must
   * then be replaced, not repeated), takes the slow way: parsed, the member set, written again.
   */
  static String withCursor(String payload, long seq) {
    int start = 0;
    int end = payload.length();
    while (start < end && whitespace(payload.charAt(start))) {
      start++;
    }
    while (end > start && whitespace(payload.charAt(end - 1))) {
      end--;
    }
    if (end - start < 2 || payload.charAt(start) != '{' || payload.charAt(end - 1) != '}'
        || payload.contains("\"cursor\"")) {
      return reparsed(payload, seq);
    }
    int first = start + 1;
    while (first < end - 1 && whitespace(payload.charAt(first))) {
      first++;
    }
    StringBuilder out = new StringBuilder(end - start + 32).append(payload, start, end - 1);
    if (first < end - 1) {
      out.append(',');
    }
    return out.append("\"cursor\":\"").append(seq).append("\"}").toString();
  }

  private static String reparsed(String payload, long seq) {
    try (JsonReader r = Jsonp.PROVIDER.createReader(new StringReader(payload))) {
      return Jsonp.PROVIDER.createObjectBuilder(r.readObject())
          .add("cursor", Long.toString(seq)).build().toString();
    }
  }

  private static boolean whitespace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  private static String marks(int n) {
    return java.util.Collections.nCopies(n, "?").stream().collect(Collectors.joining(","));
  }
}
