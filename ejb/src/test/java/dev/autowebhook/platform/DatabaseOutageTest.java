package dev.autowebhook.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.RollbackException;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.transaction.SystemException;
import java.io.EOFException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.transaction.xa.XAException;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;
import org.junit.jupiter.api.Test;

/** The exception chains seen on Payara + EclipseLink + PostgreSQL, outage or not. */
class DatabaseOutageTest {

  static final String REFUSED = "Connection to 127.0.0.1:35507 refused. Check that the hostname"
      + " and port are correct and that the postmaster is accepting TCP/IP connections.";

  /** PostgreSQL stopped, a new connection wanted: the pool cannot allocate one. */
  @Test
  void thePoolThatCannotAllocateAConnectionIsAnOutage() {
    PSQLException driver = new PSQLException(REFUSED, PSQLState.CONNECTION_UNABLE_TO_CONNECT,
        new ConnectException("Connection refused"));
    SQLException pool = new SQLException("Error in allocating a connection. Cause: Connection"
        + " could not be allocated because: " + REFUSED, new ResourceAllocationException(
            "Error in allocating a connection", new ResourceAllocationException(
                "Connection could not be allocated because: " + REFUSED, driver)));
    Throwable jpa = new PersistenceException(DatabaseException.sqlException(pool));

    assertThat(DatabaseOutage.isCause(jpa)).isTrue();
    assertThat(DatabaseOutage.isCause(new EJBException(new RollbackException(jpa)))).isTrue();
    assertThat(DatabaseOutage.isCause(new IllegalStateException("Claiming deliveries failed",
        pool))).isTrue();
  }

  /** The driver alone (no pool), e.g. a direct connection: SQLState 08001 or the socket. */
  @Test
  void aRefusedConnectionIsAnOutage() {
    assertThat(DatabaseOutage.isCause(new PSQLException(REFUSED,
        PSQLState.CONNECTION_UNABLE_TO_CONNECT))).isTrue();
    assertThat(DatabaseOutage.isCause(new RuntimeException(new ConnectException("refused"))))
        .isTrue();
    assertThat(DatabaseOutage.isCause(new SQLTransientConnectionException("pool timeout")))
        .isTrue();
  }

  /** A connection that was open when PostgreSQL went down: 57P01, or 08006 on the next use. */
  @Test
  void aConnectionBrokenByTheShutdownIsAnOutage() {
    PSQLException shutdown = new PSQLException(new ServerErrorMessage("SFATAL\0C57P01\0"
        + "Mterminating connection due to administrator command\0"));
    PSQLException io = new PSQLException("An I/O error occurred while sending to the backend.",
        PSQLState.CONNECTION_FAILURE, new EOFException());
    EJBException ejb = new EJBException("Transaction aborted",
        new PersistenceException(DatabaseException.sqlException(shutdown)));

    assertThat(DatabaseOutage.isCause(ejb)).isTrue();
    assertThat(DatabaseOutage.isCause(new PersistenceException(DatabaseException.sqlException(io))))
        .isTrue();
    SQLException batch = new SQLException("Batch entry 0 INSERT INTO aw_event ... was aborted");
    batch.setNextException(io);
    assertThat(DatabaseOutage.isCause(batch)).isTrue();
  }

  /** The connection died between the last statement and the commit (seen at 57P01). */
  @Test
  void aCommitThatCannotReachTheDatabaseIsAnOutage() {
    XAException xa = new XAException("jakarta.resource.spi.LocalTransactionException: FATAL:"
        + " terminating connection due to administrator command");
    xa.errorCode = XAException.XAER_RMERR;
    SystemException tm = new SystemException();
    tm.initCause(xa);
    assertThat(DatabaseOutage.isCause(new EJBException(
        "Unable to complete container-managed transaction.", tm))).isTrue();

    XAException unusable = new XAException("jakarta.resource.ResourceException: This Managed"
        + " Connection is not valid as the physical connection is not usable");
    unusable.errorCode = XAException.XAER_RMERR;
    assertThat(DatabaseOutage.isCause(new EJBException("commit", unusable))).isTrue();

    XAException other = new XAException("Heuristic decision");
    other.errorCode = XAException.XA_HEURMIX;
    assertThat(DatabaseOutage.isCause(new EJBException("commit", other))).isFalse();
  }

  /** A statement that fails on a live database is the caller's or the code's problem. */
  @Test
  void aFailedStatementIsNotAnOutage() {
    PSQLException unique = new PSQLException("ERROR: duplicate key value violates unique"
        + " constraint \"uk_partner_name\"", PSQLState.UNIQUE_VIOLATION);
    PSQLException cancelled = new PSQLException("ERROR: canceling statement due to statement"
        + " timeout", PSQLState.QUERY_CANCELED);

    assertThat(DatabaseOutage.isCause(new PersistenceException(
        DatabaseException.sqlException(unique)))).isFalse();
    assertThat(DatabaseOutage.isCause(new EJBException(new PersistenceException(
        DatabaseException.sqlException(cancelled))))).isFalse();
    assertThat(DatabaseOutage.isCause(new NullPointerException())).isFalse();
    assertThat(DatabaseOutage.isCause(null)).isFalse();
  }

  @Test
  void aCycleOfCausesEnds() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertThat(DatabaseOutage.isCause(a)).isFalse();
  }
}
