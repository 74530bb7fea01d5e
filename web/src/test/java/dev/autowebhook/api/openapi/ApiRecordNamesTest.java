package dev.autowebhook.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Payara names the OpenAPI schema of a class after its simple name: two API records named alike
 * (say two nested {@code PageOut}) share one schema, and one of them is documented wrongly.
 */
class ApiRecordNamesTest {

  @Test
  void everyApiRecordHasASimpleNameOfItsOwn() {
    Map<String, List<Class<?>>> records = JsonbSchemas.recordsBySimpleName(
        getClass().getClassLoader(), "dev.autowebhook.api");
    assertThat(records).containsKeys("SubscriberOut", "ConfigIn", "PageOut");
    Map<String, List<String>> shared = records.entrySet().stream()
        .filter(e -> e.getValue().size() > 1)
        .collect(Collectors.toMap(Map.Entry::getKey,
            e -> e.getValue().stream().map(Class::getName).toList()));
    assertThat(shared).as("rename one of each so that /openapi documents both").isEmpty();
  }
}
