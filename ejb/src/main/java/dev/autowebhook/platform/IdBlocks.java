package dev.autowebhook.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Vector;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.eclipse.persistence.internal.databaseaccess.Accessor;
import org.eclipse.persistence.internal.databaseaccess.DatabasePlatform;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.sequencing.Sequence;
import org.eclipse.persistence.sessions.Session;

/**
 * Hands out entity ids from blocks fetched from the database sequences (each sequence increments
 * by the block size, see V9), replacing EclipseLink's own preallocation of sequence objects.
 *
 * <p>EclipseLink 4.0.7 guards the refill of a block with its {@code ConcurrencyManager} and runs
 * the fetch on the writing session: under a burst of writes from many threads, threads queued on
 * that lock for seconds (and, when the fetch needed a pooled connection held by a queued thread,
 * forever). Here a refill is a plain {@code nextval} on the small non-transactional pool, under a
 * monitor of the one sequence; handing out an id from a block is an increment.
 *
 * <p>Installed through {@code eclipselink.session.customizer} in persistence.xml.
 */
public class IdBlocks implements SessionCustomizer {

  private static final Logger LOG = Logger.getLogger(IdBlocks.class.getName());

  @Override
  public void customize(Session session) {
    var platform = session.getDatasourceLogin().getDatasourcePlatform();
    Map<String, Sequence> sequences = platform.getSequences();
    if (sequences == null) {
      return;
    }
    for (Sequence sequence : sequences.values().toArray(Sequence[]::new)) {
      if (sequence.isNative()) {
        platform.addSequence(new BlockSequence(sequence.getName(), sequence.getPreallocationSize()));
      }
    }
    LOG.info(() -> "ids come in blocks for sequences " + sequences.keySet());
  }

  /** One database sequence whose every value is the top of a block of {@code size} ids. */
  static final class BlockSequence extends Sequence {

    private final Map<String, Block> blocks = new ConcurrentHashMap<>();
    private volatile DataSource dataSource;

    BlockSequence(String name, int size) {
      super(name, size);
    }

    @Override
    public boolean shouldAcquireValueAfterInsert() {
      return false;
    }

    @Override
    public boolean shouldUseTransaction() {
      return false;
    }

    /** Ids come one at a time from {@link #getGeneratedValue}; EclipseLink keeps no pool. */
    @Override
    public boolean shouldUsePreallocation() {
      return false;
    }

    @Override
    public Object getGeneratedValue(Accessor accessor, AbstractSession writeSession, String seqName) {
      return blocks.computeIfAbsent(seqName, name -> new Block(getPreallocationSize()))
          .next(() -> fetch(seqName));
    }

    @Override
    public Vector<?> getGeneratedVector(
        Accessor accessor, AbstractSession writeSession, String seqName, int size) {
      var ids = new Vector<Long>(size);
      for (int i = 0; i < size; i++) {
        ids.add((Long) getGeneratedValue(accessor, writeSession, seqName));
      }
      return ids;
    }

    @Override
    public void onConnect() {
      // nothing to prepare: the first id of each sequence fetches its first block
    }

    @Override
    public void onDisconnect() {
      blocks.clear();
    }

    private long fetch(String seqName) {
      String sql = ((DatabasePlatform) getDatasourcePlatform())
          .buildSelectQueryForSequenceObject(getQualified(seqName), getPreallocationSize())
          .getSQLString();
      try (Connection connection = dataSource().getConnection();
           Statement statement = connection.createStatement();
           ResultSet row = statement.executeQuery(sql)) {
        row.next();
        return row.getLong(1);
      } catch (SQLException e) {
        throw DatabaseException.sqlException(e);
      }
    }

    private DataSource dataSource() {
      if (dataSource == null) {
        try {
          dataSource = InitialContext.doLookup(SchemaMigration.NON_TX_DATASOURCE);
        } catch (NamingException e) {
          throw new IllegalStateException("no data source " + SchemaMigration.NON_TX_DATASOURCE, e);
        }
      }
      return dataSource;
    }
  }
}
