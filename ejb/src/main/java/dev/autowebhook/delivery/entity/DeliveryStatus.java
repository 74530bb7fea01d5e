package dev.autowebhook.delivery.entity;

import java.util.Locale;

/** pending → processing → sent, or failed (will retry) and finally dead. */
public enum DeliveryStatus {
  PENDING, PROCESSING, SENT, FAILED, DEAD;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
