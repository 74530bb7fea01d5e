package dev.autowebhook.platform;

/** The request clashes with the current state (a duplicate name, a stale version, a wrong status). */
public class ConflictException extends OutboxException {

  public ConflictException(String message) {
    super(message);
  }
}
