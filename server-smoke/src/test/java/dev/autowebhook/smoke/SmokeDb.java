package dev.autowebhook.smoke;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL (zonky embedded binaries, as web's ITs use) on a free port, with one database
 * for the application. Authentication is {@code trust}: any password is accepted.
 */
final class SmokeDb implements AutoCloseable {

  static final String USER = "postgres";
  static final String PASSWORD = "postgres";

  private final EmbeddedPostgres server;
  private final String database;

  private SmokeDb(EmbeddedPostgres server, String database) {
    this.server = server;
    this.database = database;
  }

  /** Starts a server with a fresh data directory under {@code dir} and creates {@code database}. */
  static SmokeDb start(Path dir, String database) {
    try {
      Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
      Path data = dir.resolve("data");
      deleteTree(data);
      Files.createDirectories(data);
      Path log = dir.resolve("postgres.log");
      EmbeddedPostgres server = EmbeddedPostgres.builder()
          .setDataDirectory(data)
          .setCleanDataDirectory(true)
          .setPGStartupWait(Duration.ofSeconds(60))
          .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
      try (Connection c = server.getPostgresDatabase().getConnection(USER, PASSWORD);
           Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + database);
      }
      System.out.printf("[smoke] PostgreSQL on 127.0.0.1:%d (log %s)%n", server.getPort(), log);
      return new SmokeDb(server, database);
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL did not start under " + dir, e);
    } catch (SQLException e) {
      throw new IllegalStateException("CREATE DATABASE " + database + " failed", e);
    }
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database;
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      System.err.println("[smoke] stopping PostgreSQL failed: " + e);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
