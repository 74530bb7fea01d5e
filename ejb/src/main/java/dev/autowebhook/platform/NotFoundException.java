package dev.autowebhook.platform;

/** The addressed thing does not exist (or is not visible to the caller). */
public class NotFoundException extends OutboxException {

  public NotFoundException(String what, Object id) {
    super(what + " " + id + " does not exist");
  }
}
