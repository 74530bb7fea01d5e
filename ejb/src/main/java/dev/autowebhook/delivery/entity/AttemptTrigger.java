package dev.autowebhook.delivery.entity;

import java.util.Locale;

/** Why an attempt was made. */
public enum AttemptTrigger {
  AUTOMATIC, MANUAL, REPLAY, TEST;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
