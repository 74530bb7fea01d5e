package db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.platform.ConfiguredDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The migrations on H2 with the options of the default database ({@code run.sh}): the
 * integration tests run on PostgreSQL only.
 */
class H2MigrationsTest {

  private static JdbcDataSource database(String name) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(ConfiguredDataSource.DEFAULT_URL.replace("file:./data/autowebhook", "mem:" + name)
        + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    return ds;
  }

  private static Flyway flyway(JdbcDataSource ds, String target) {
    return Flyway.configure(H2MigrationsTest.class.getClassLoader()).dataSource(ds)
        .locations("classpath:db/migration").table("aw_schema_history")
        .target(MigrationVersion.fromVersion(target)).load();
  }

  private static long next(Statement st, String sequence) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT NEXT VALUE FOR " + sequence)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aFreshDatabaseMigratesAndItsIdsStartAtOne() throws SQLException {
    JdbcDataSource ds = database("fresh" + System.nanoTime());
    flyway(ds, "latest").migrate();
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      // the first block of 1000 ends at the first value: ids 1..1000
      assertThat(next(st, "record_seq")).isEqualTo(1000);
      assertThat(next(st, "record_seq")).isEqualTo(2000);
      assertThat(next(st, "line_seq")).isEqualTo(1000);
    }
  }

  @Test
  void blocksRestartAboveTheLastValueGivenOut() throws SQLException {
    JdbcDataSource ds = database("used" + System.nanoTime());
    flyway(ds, "8").migrate();
    long last;
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      next(st, "aw_seq");
      last = next(st, "aw_seq");
    }
    flyway(ds, "latest").migrate();
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      long top = next(st, "aw_seq");
      assertThat(top - 999).as("first id of the new block").isGreaterThan(last);
      assertThat(next(st, "aw_seq")).isEqualTo(top + 1000);
    }
  }
}
