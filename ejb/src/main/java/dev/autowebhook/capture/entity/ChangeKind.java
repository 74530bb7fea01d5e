package dev.autowebhook.capture.entity;

import java.util.Locale;

/** What happened to a record. Serialized in lower case: create, update, delete. */
public enum ChangeKind {
  CREATE, UPDATE, DELETE;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ChangeKind of(String key) {
    for (ChangeKind k : values()) {
      if (k.key().equalsIgnoreCase(key == null ? "" : key.trim())) {
        return k;
      }
    }
    throw new IllegalArgumentException(key);
  }
}
