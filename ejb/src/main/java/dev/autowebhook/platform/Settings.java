package dev.autowebhook.platform;

import java.util.Locale;

/**
 * Settings read before CDI and MicroProfile Config can serve them (data source, master key,
 * JPA listeners): a system property, else its environment variable ({@code autowebhook.db.url}
 * → {@code AUTOWEBHOOK_DB_URL}), else the fallback. Blank counts as unset.
 */
public final class Settings {

  private Settings() {}

  public static String get(String property, String fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    }
    return value == null || value.isBlank() ? fallback : value;
  }
}
