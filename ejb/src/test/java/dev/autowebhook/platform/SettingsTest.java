package dev.autowebhook.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SettingsTest {

  private static final String PROPERTY = "autowebhook.settings-test.value";

  @AfterEach
  void clear() {
    System.clearProperty(PROPERTY);
  }

  @Test
  void aSystemPropertyWins() {
    System.setProperty(PROPERTY, "from-property");
    assertThat(Settings.get(PROPERTY, "fallback")).isEqualTo("from-property");
  }

  @Test
  void unsetOrBlankGivesTheFallback() {
    assertThat(Settings.get(PROPERTY, "fallback")).isEqualTo("fallback");
    System.setProperty(PROPERTY, "  ");
    assertThat(Settings.get(PROPERTY, "fallback")).isEqualTo("fallback");
    assertThat(Settings.get(PROPERTY, null)).isNull();
  }

  @Test
  void readsTheEnvironmentVariableOfTheSameName() {
    // PATH is set in every environment this runs in: "path" maps to it
    assertThat(Settings.get("path", "fallback")).isEqualTo(System.getenv("PATH"));
  }
}
