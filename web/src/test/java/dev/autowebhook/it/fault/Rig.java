package dev.autowebhook.it.fault;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Postgres;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The application the fault scenarios break: node 1 ({@code fault-node1}) on database
 * {@code fault} of the JVM's embedded PostgreSQL, started on first use and started again when a
 * scenario left it down; further nodes on the same database for the scale-out scenario. Every node
 * has a fixed node id (its name), a 0.5 s retry base, a 3 s lease margin and a 1 s config cache
 * (so a config edit made through one node reaches the other's capture quickly).
 *
 * <p>Static state (documented singleton, like {@link AppServer#shared()}): node 1 and its database
 * URL, guarded by {@code Rig.class}. At its first start every config is detached from every
 * subscriber, so only what a scenario routes is delivered (nothing to the seeded inbox subscriber).
 */
final class Rig {

  static final String DATABASE = "fault";
  static final String RETRY_BASE_SECONDS = "0.5";
  static final int LEASE_MARGIN_SECONDS = 3;

  private static String jdbcUrl;
  private static AppServer node1;

  private Rig() {}

  /** Node 1, running. */
  static synchronized AppServer node1() {
    if (node1 == null) {
      node1 = node("fault-node1");
      node1.start();
      detachAllConfigs(node1.admin());
    } else if (!node1.isRunning()) {
      node1.start();
    }
    return node1;
  }

  /** A node (not started) on the scenarios' database, with node id {@code name}. */
  static synchronized AppServer node(String name) {
    Postgres pg = Postgres.instance();
    if (jdbcUrl == null) {
      jdbcUrl = pg.createDatabase(DATABASE);
    }
    return AppServer.builder(name).database(jdbcUrl, pg.user(), pg.password())
        .env("AUTOWEBHOOK_NODE_ID", name)
        .env("AUTOWEBHOOK_RETRY_BASE_SECONDS", RETRY_BASE_SECONDS)
        .env("AUTOWEBHOOK_LEASE_MARGIN_SECONDS", Integer.toString(LEASE_MARGIN_SECONDS))
        .env("AUTOWEBHOOK_CONFIG_CACHE_SECONDS", "1")
        .build();
  }

  /** A new connection to the scenarios' database (the caller closes it). */
  static Connection db() {
    try {
      return Postgres.instance().connect(DATABASE);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot connect to database " + DATABASE, e);
    }
  }

  private static void detachAllConfigs(Api admin) {
    for (JsonValue v : admin.get("/api/v1/admin/configs").expect(200).jsonArray()) {
      admin.put("/api/v1/admin/configs/" + v.asJsonObject().getJsonNumber("id"),
          Json.obj().add("subscriber_ids", Json.arr()).build()).expect(200);
    }
  }
}
