package dev.autowebhook.platform;

/** The addressed thing does not exist (or is not visible to the caller). */
public class NotFoundException extends OutboxException {

  public NotFoundException(String what, Object id) {
    super(what + " " + id + " does not exist");
  }

  /** Something that is not there for another reason, e.g. a feature that is turned off. */
  public NotFoundException(String message) {
    super(message);
  }
}
