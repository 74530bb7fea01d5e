package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Ids of the busy tables come in blocks of 1000 instead of 50 (entities: {@code allocationSize =
 * 1000}): EclipseLink takes a lock shared by every writing thread each time a block runs out, and
 * at 50 that lock was the hottest spot of a business write. JPA reads the block {@code (n - 1000,
 * n]} from each {@code nextval = n}, so each sequence restarts one block above the last value it
 * gave out (a fresh database keeps its first ids: 1, 2, …). SQL differs between PostgreSQL and H2.
 */
public class V9__larger_id_blocks extends BaseJavaMigration {

  static final int BLOCK = 1000;
  private static final String[] SEQUENCES = {"aw_seq", "record_seq", "line_seq"};

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
        .contains("postgres");
    try (Statement st = c.createStatement()) {
      for (String seq : SEQUENCES) {
        long last = postgres ? lastPostgres(st, seq) : lastH2(st, seq);
        st.execute("ALTER SEQUENCE " + seq + " INCREMENT BY " + BLOCK + " RESTART WITH "
            + (last + BLOCK));
      }
    }
  }

  /** The last value handed out, 0 if none. */
  private static long lastPostgres(Statement st, String seq) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT last_value, is_called FROM " + seq)) {
      rs.next();
      return rs.getBoolean(2) ? rs.getLong(1) : 0;
    }
  }

  private static long lastH2(Statement st, String seq) throws SQLException {
    // the default H2 URL folds names to lower case (DATABASE_TO_LOWER), others to upper case
    try (ResultSet rs = st.executeQuery("SELECT BASE_VALUE, START_VALUE, INCREMENT"
        + " FROM INFORMATION_SCHEMA.SEQUENCES WHERE LOWER(SEQUENCE_NAME) = '" + seq + "'")) {
      if (!rs.next()) {
        throw new SQLException("no sequence " + seq);
      }
      long next = rs.getLong(1);
      return next == rs.getLong(2) ? 0 : next - rs.getLong(3);
    }
  }
}
