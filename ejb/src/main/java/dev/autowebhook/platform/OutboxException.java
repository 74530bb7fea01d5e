package dev.autowebhook.platform;

import jakarta.ejb.ApplicationException;

/**
 * Root of the business exceptions: each subtype is a reason an operation was refused. They roll
 * the transaction back, so nothing is ever half-saved; the web module maps each subtype to an HTTP
 * status and an RFC 9457 problem.
 */
@ApplicationException(rollback = true, inherited = true)
public class OutboxException extends RuntimeException {

  public OutboxException(String message) {
    super(message);
  }

  public OutboxException(String message, Throwable cause) {
    super(message, cause);
  }
}
