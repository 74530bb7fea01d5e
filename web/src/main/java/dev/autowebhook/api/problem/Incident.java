package dev.autowebhook.api.problem;

import dev.autowebhook.platform.DatabaseOutage;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An unexpected error of one request, as the REST API and the error page both report it: a
 * correlation id (logged once, with the stack trace) and the status. The database being out of
 * reach ({@link DatabaseOutage}) is an outage, not a bug: 503, and the client may try again after
 * {@link #RETRY_AFTER_SECONDS}; anything else is 500. The client sees the id, never the details.
 */
public record Incident(String id, int status) {

  /** The response header that carries the id (also in the body of a 5xx). */
  public static final String HEADER = "X-Correlation-Id";
  public static final int RETRY_AFTER_SECONDS = 5;

  private static final Logger LOG = Logger.getLogger(Incident.class.getName());

  /** Classifies {@code error}, gives it a new id and logs both with its stack trace. */
  public static Incident of(Throwable error, String where) {
    Incident i = new Incident(UUID.randomUUID().toString(),
        DatabaseOutage.isCause(error) ? 503 : 500);
    if (i.unavailable()) {
      LOG.log(Level.WARNING, "Database unreachable (" + where + "), reference " + i.id, error);
    } else {
      LOG.log(Level.SEVERE, "Unhandled error (" + where + "), reference " + i.id, error);
    }
    return i;
  }

  public boolean unavailable() {
    return status == 503;
  }
}
