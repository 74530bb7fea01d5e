package dev.autowebhook.feed.entity;

import java.util.Locale;

/** What kind of client app a device runs; it selects the models the device receives. */
public enum AppType {
  SALES, DELIVERY, WAREHOUSE, MANAGER, MOBILE;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a lower-case key; unknown → {@link IllegalArgumentException}. */
  public static AppType of(String key) {
    return valueOf(key.trim().toUpperCase(Locale.ROOT));
  }
}
