package dev.autowebhook.platform;

import jakarta.ejb.EJBException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.transaction.xa.XAException;

/**
 * Tells an unreachable database from any other failure, so that an outage is reported as one
 * (503, try again) and not as a conflict or a bug. What the stack says during an outage on
 * Payara + EclipseLink + PostgreSQL: {@code DatabaseException} over {@code SQLException: Error in
 * allocating a connection} over the pool's {@code ResourceAllocationException}; on a connection
 * that was open, {@code PSQLException} with SQLState 08006 (I/O error) or 57P01 (shut down); at
 * commit, an {@code XAException} whose message is the connector's exception for the non-XA
 * connection ({@code LocalTransactionException}, or "the physical connection is not usable"): the
 * transaction manager keeps only its text.
 */
public final class DatabaseOutage {

  private DatabaseOutage() {}

  /**
   * Whether {@code error} or one of its causes says the database cannot be reached: a refused or
   * broken connection (SQLState class 08, or 57P01-57P03 when the server shuts down or starts),
   * the JDBC driver's connect failure, the connection pool that cannot allocate a connection, or a
   * commit that failed on the connection.
   * A failed statement on a live connection (constraint, syntax, timeout) is not an outage.
   */
  public static boolean isCause(Throwable error) {
    return unreachable(error, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static boolean unreachable(Throwable t, Set<Throwable> seen) {
    for (; t != null && seen.add(t); t = cause(t)) {
      if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
          || t instanceof ConnectException || t instanceof NoRouteToHostException
          || t instanceof jakarta.resource.ResourceException) {
        return true;
      }
      if (t instanceof XAException xa && (xa.errorCode == XAException.XAER_RMFAIL
          || xa.errorCode == XAException.XA_RBCOMMFAIL
          || String.valueOf(xa.getMessage()).startsWith("jakarta.resource."))) {
        return true; // the commit could not reach the database (Payara keeps only the message)
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
          return true;
        }
        if (sql.getNextException() != null && unreachable(sql.getNextException(), seen)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The cause, also of an EJB system exception (which may keep it apart from getCause). */
  private static Throwable cause(Throwable t) {
    if (t instanceof EJBException ejb && ejb.getCausedByException() != null) {
      return ejb.getCausedByException();
    }
    return t.getCause();
  }
}
