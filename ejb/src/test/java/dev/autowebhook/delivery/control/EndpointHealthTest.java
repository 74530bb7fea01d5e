package dev.autowebhook.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.platform.ConfiguredDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class EndpointHealthTest {

  final Target target = Samples.target(1, 0, 1, 5);

  @Test
  void anySuccessMakesTheSubscriberHealthy() {
    Outgoing o = Samples.delivery(1, target, 1);
    Map<Long, EndpointHealth.Verdict> v = EndpointHealth.verdicts(
        List.of(Samples.status(o, 500), Samples.ok(o), Samples.status(o, 503)));

    assertThat(v.get(7L).succeeded()).isTrue();
  }

  @Test
  void failuresOnlyKeepTheEarliestStartAndTheLastError() {
    Outgoing o = Samples.delivery(1, target, 1);
    AttemptResult first = Samples.status(o, 500);
    AttemptResult second = Samples.status(o, 503);

    EndpointHealth.Verdict v = EndpointHealth.verdicts(List.of(first, second)).get(7L);

    assertThat(v.succeeded()).isFalse();
    assertThat(v.firstFailure()).isEqualTo(first.startedAt().toInstant());
    assertThat(v.lastError()).isEqualTo("HTTP 503");
  }

  @Test
  void reasonSaysForHowLongAndWhy() {
    assertThat(EndpointHealth.reason(259200, "HTTP 500"))
        .isEqualTo("every attempt failed for more than 3 days; last error: HTTP 500");
    assertThat(EndpointHealth.human(3600)).isEqualTo("1 hour");
    assertThat(EndpointHealth.human(90)).isEqualTo("90 seconds");
    assertThat(EndpointHealth.human(120)).isEqualTo("2 minutes");
    assertThat(EndpointHealth.reason(1, "x".repeat(2000))).hasSize(1000);
  }

  @Test
  void anEndpointBackFromAnOutageHasItsWaitingRetriesDueAtOnce() throws SQLException {
    EndpointHealth cut = new EndpointHealth();
    cut.retryBaseSeconds = 60;
    Instant now = Instant.parse("2026-11-29T12:00:00Z");
    try (Connection c = database().getConnection()) {
      subscriber(c, 7, now.minusSeconds(600)); // every attempt failed for 10 minutes
      subscriber(c, 8, null);
      long waiting = delivery(c, 1, 7, "FAILED", now.plusSeconds(480));
      long due = delivery(c, 2, 7, "FAILED", now.minusSeconds(5));
      long pending = delivery(c, 3, 7, "PENDING", now.minusSeconds(1));
      long leased = delivery(c, 4, 7, "PROCESSING", now.minusSeconds(9));
      long other = delivery(c, 5, 8, "FAILED", now.plusSeconds(120));

      int released = cut.update(c, List.of(Samples.ok(Samples.delivery(1, target, 2))), now);

      assertThat(released).isEqualTo(2);
      Map<Long, Instant> next = nextAttempts(c);
      assertThat(next.get(waiting)).isEqualTo(now);
      assertThat(next.get(due)).isEqualTo(now);
      assertThat(next.get(pending)).as("not a retry").isEqualTo(now.minusSeconds(1));
      assertThat(next.get(leased)).as("being sent").isEqualTo(now.minusSeconds(9));
      assertThat(next.get(other)).as("another subscriber's").isEqualTo(now.plusSeconds(120));
      assertThat(failingSince(c, 7)).as("healthy again").isNull();
    }
  }

  @Test
  void aFlakyEndpointKeepsItsRetrySchedule() throws SQLException {
    EndpointHealth cut = new EndpointHealth();
    cut.retryBaseSeconds = 60;
    Instant now = Instant.parse("2026-11-29T12:00:00Z");
    try (Connection c = database().getConnection()) {
      subscriber(c, 7, now.minusSeconds(59)); // failing for less than the first retry delay
      long waiting = delivery(c, 1, 7, "FAILED", now.plusSeconds(30));

      int released = cut.update(c, List.of(Samples.ok(Samples.delivery(1, target, 2))), now);

      assertThat(released).isZero();
      assertThat(nextAttempts(c).get(waiting)).isEqualTo(now.plusSeconds(30));
      assertThat(failingSince(c, 7)).isNull();
    }
  }

  @Test
  void aFailureReleasesNothing() throws SQLException {
    EndpointHealth cut = new EndpointHealth();
    cut.retryBaseSeconds = 60;
    Instant now = Instant.parse("2026-11-29T12:00:00Z");
    try (Connection c = database().getConnection()) {
      subscriber(c, 7, now.minusSeconds(600));
      long waiting = delivery(c, 1, 7, "FAILED", now.plusSeconds(30));

      int released = cut.update(c, List.of(Samples.status(Samples.delivery(1, target, 2), 500)),
          now);

      assertThat(released).isZero();
      assertThat(nextAttempts(c).get(waiting)).isEqualTo(now.plusSeconds(30));
    }
  }

  private static JdbcDataSource database() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(ConfiguredDataSource.DEFAULT_URL.replace("file:./data/autowebhook",
        "mem:health" + System.nanoTime()) + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    Flyway.configure(EndpointHealthTest.class.getClassLoader()).dataSource(ds)
        .locations("classpath:db/migration").table("aw_schema_history").load().migrate();
    return ds;
  }

  private static void subscriber(Connection c, long id, Instant failingSince)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO aw_subscriber (id, name, kind,"
        + " endpoint_url, auth_type, api_key_header, timeout_seconds, verify_tls, enabled,"
        + " rate_limit, rate_limit_window_seconds, max_retries, max_concurrency, signing_secret,"
        + " created_at, updated_at, failing_since) VALUES (?, ?, 'HTTP', 'http://127.0.0.1:9/h',"
        + " 'NONE', 'X-API-Key', 2, TRUE, TRUE, 0, 1, 5, 1, 'x', ?, ?, ?)")) {
      Timestamp t = Timestamp.from(Instant.parse("2026-11-01T00:00:00Z"));
      ps.setLong(1, id);
      ps.setString(2, "sub" + id);
      ps.setTimestamp(3, t);
      ps.setTimestamp(4, t);
      ps.setTimestamp(5, failingSince == null ? null : Timestamp.from(failingSince));
      ps.executeUpdate();
    }
  }

  private static long delivery(Connection c, long id, long subscriberId, String status,
      Instant nextAttemptAt) throws SQLException {
    Timestamp t = Timestamp.from(Instant.parse("2026-11-29T11:00:00Z"));
    try (PreparedStatement event = c.prepareStatement("INSERT INTO aw_event (id, uid, model,"
        + " record_id, kind, priority, occurred_at, payload) VALUES (?, ?, 'sale.order', '1',"
        + " 'CREATE', 'HIGH', ?, '{}')");
        PreparedStatement delivery = c.prepareStatement("INSERT INTO aw_delivery (id, event_id,"
            + " subscriber_id, status, priority_rank, attempts, next_attempt_at, next_trigger,"
            + " created_at, updated_at) VALUES (?, ?, ?, ?, 0, 1, ?, 'AUTOMATIC', ?, ?)")) {
      event.setLong(1, id);
      event.setString(2, "evt_" + id);
      event.setTimestamp(3, t);
      event.executeUpdate();
      delivery.setLong(1, id);
      delivery.setLong(2, id);
      delivery.setLong(3, subscriberId);
      delivery.setString(4, status);
      delivery.setTimestamp(5, Timestamp.from(nextAttemptAt));
      delivery.setTimestamp(6, t);
      delivery.setTimestamp(7, t);
      delivery.executeUpdate();
    }
    return id;
  }

  private static Map<Long, Instant> nextAttempts(Connection c) throws SQLException {
    Map<Long, Instant> out = new LinkedHashMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT id, next_attempt_at FROM aw_delivery")) {
      while (rs.next()) {
        out.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
      }
    }
    return out;
  }

  private static Timestamp failingSince(Connection c, long subscriberId) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT failing_since FROM aw_subscriber WHERE id = " + subscriberId)) {
      rs.next();
      return rs.getTimestamp(1);
    }
  }
}
