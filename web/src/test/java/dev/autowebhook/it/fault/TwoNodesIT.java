package dev.autowebhook.it.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Poll;
import dev.autowebhook.it.support.Receiver;
import dev.autowebhook.it.support.Receiver.Reply;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * e. Two nodes on one database. Under load both send (the node of each attempt is on record in
 * {@code aw_attempt.node}; a delivery's lease in {@code aw_delivery.lease_owner/lease_until}) and no
 * event goes out twice. Then node 2 is killed (kill -9) while it holds leased deliveries whose
 * requests the receiver is still holding: node 1 takes each of them over only once its lease has
 * expired, and everything drains; only those may arrive twice.
 */
class TwoNodesIT {

  static final String NODE1 = "fault-node1";
  static final String NODE2 = "fault-node2";

  @Test
  void twoNodesShareTheWorkAndTheSurvivorTakesOverAfterTheLeaseExpires() throws SQLException {
    AppServer node1 = Rig.node1();
    AppServer node2 = Rig.node(NODE2);
    try (Receiver receiver = Receiver.start();
        Scenario s = new Scenario("e. two nodes, kill -9 of one", node1.admin(), receiver)) {
      node2.start();
      long sub = s.subscriber(Json.obj().add("timeout_seconds", 10));
      String path = s.path(sub);
      receiver.setDefault(path, Reply.ok().delayMillis(30));
      s.routeLoad(sub);
      Scenario.sleep(1500); // the config cache (1 s) of node 2

      // normal operation: writes through both nodes, both send, nothing twice
      Load shared = s.load(List.of(node1.admin(), node2.admin()), 2, Duration.ofMillis(30))
          .start();
      Scenario.sleep(8000);
      shared.stop();
      Scenario.assertAllWritesSucceeded(shared);
      Poll.until(Duration.ofSeconds(60), "the first load delivered", () -> s.rows().stream()
          .allMatch(r -> r.status().equals("SENT")));
      Map<String, Long> byNode = attemptsByNode(sub);
      System.out.printf("[fault] e: attempts per node under load: %s%n", byNode);
      assertThat(byNode).as("attempts per node").containsOnlyKeys(NODE1, NODE2);
      assertThat(byNode.values()).allMatch(n -> n > 0);
      assertThat(Scenario.count("SELECT COUNT(*) FROM aw_delivery d WHERE subscriber_id = " + sub
          + " AND (SELECT COUNT(*) FROM aw_attempt a WHERE a.delivery_id = d.id) <> 1"))
          .as("deliveries attempted more than once (by one node or both)").isZero();
      assertThat(receiver.requests(path)).extracting(r -> r.header("webhook-id"))
          .as("webhook-ids at the receiver").doesNotHaveDuplicates();

      // node 2 holds leased work, its requests waiting at the receiver, and dies
      receiver.setDefault(path, Reply.ok().delayMillis(5000));
      Load burst = s.load(List.of(node2.admin()), 1, Duration.ofMillis(20)).limit(6).start();
      burst.awaitDone(Duration.ofSeconds(30));
      Scenario.assertAllWritesSucceeded(burst);
      Poll.until(Duration.ofSeconds(20), "node 2 holding requests at the receiver",
          () -> leasedBy(NODE2, sub).keySet().stream()
              .filter(uid -> s.arrivedSince(path, 0).contains(uid)).count() >= 3);
      node2.kill();
      s.healed();
      Map<String, Timestamp> held = leasedBy(NODE2, sub);
      assertThat(held).as("deliveries leased by node 2 when it died").hasSizeGreaterThanOrEqualTo(3);
      s.inFlightAtFault(held.keySet());
      receiver.setDefault(path, Reply.ok());

      s.drain(Duration.ofSeconds(60));
      for (Map.Entry<String, Timestamp> lease : held.entrySet()) {
        Timestamp takenOver = sentBy(NODE1, lease.getKey());
        assertThat(takenOver).as("node 1 sent %s (node 2's lease until %s)", lease.getKey(),
            lease.getValue()).isNotNull();
        assertThat(takenOver).as("node 1 waited for node 2's lease of %s to expire",
            lease.getKey()).isAfterOrEqualTo(lease.getValue());
      }
    } finally {
      node2.kill();
    }
  }

  static Map<String, Long> attemptsByNode(long sub) throws SQLException {
    Map<String, Long> out = new HashMap<>();
    try (Connection c = Rig.db(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT a.node, COUNT(*) FROM aw_attempt a JOIN aw_delivery d ON d.id = a.delivery_id"
            + " WHERE d.subscriber_id = " + sub + " GROUP BY a.node")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    }
    return out;
  }

  /** Webhook-id → lease end of the subscriber's deliveries that {@code node} is processing. */
  static Map<String, Timestamp> leasedBy(String node, long sub) {
    Map<String, Timestamp> out = new HashMap<>();
    try (Connection c = Rig.db(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT e.uid, d.lease_until FROM aw_delivery d JOIN aw_event e ON e.id = d.event_id"
            + " WHERE d.status = 'PROCESSING' AND d.lease_owner = '" + node + "'"
            + " AND d.subscriber_id = " + sub)) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getTimestamp(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /** When {@code node} started the attempt that sent the delivery of {@code uid}, or null. */
  static Timestamp sentBy(String node, String uid) throws SQLException {
    try (Connection c = Rig.db(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT MIN(a.started_at) FROM aw_attempt a JOIN aw_delivery d ON d.id = a.delivery_id"
            + " JOIN aw_event e ON e.id = d.event_id WHERE e.uid = '" + uid + "'"
            + " AND a.node = '" + node + "' AND a.outcome = 'SENT'")) {
      rs.next();
      return rs.getTimestamp(1);
    }
  }
}
