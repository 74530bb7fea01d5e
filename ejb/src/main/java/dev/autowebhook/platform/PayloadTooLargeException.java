package dev.autowebhook.platform;

/** Input larger than a configured limit: the message names the size and the limit, never the content. */
public class PayloadTooLargeException extends OutboxException {

  private final long size;
  private final long limit;

  public PayloadTooLargeException(String message, long size, long limit) {
    super(message);
    this.size = size;
    this.limit = limit;
  }

  public long size() {
    return size;
  }

  public long limit() {
    return limit;
  }
}
