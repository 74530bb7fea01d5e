package dev.autowebhook.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autowebhook.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JmsDestinationTest {

  @Test
  void parsesAQueue() {
    JmsDestination cut = JmsDestination.parse("queue:orders");

    assertThat(cut.topic()).isFalse();
    assertThat(cut.name()).isEqualTo("orders");
    assertThat(cut).hasToString("queue:orders");
  }

  @Test
  void parsesATopic() {
    JmsDestination cut = JmsDestination.parse("topic:erp/orders.events_v2-eu");

    assertThat(cut.topic()).isTrue();
    assertThat(cut.name()).isEqualTo("erp/orders.events_v2-eu");
    assertThat(cut).hasToString("topic:erp/orders.events_v2-eu");
  }

  @Test
  void acceptsTwoHundredCharacters() {
    String name = "a".repeat(200);

    assertThat(JmsDestination.parse("queue:" + name).name()).isEqualTo(name);
  }

  @Test
  void equalSpecsAreEqual() {
    assertThat(JmsDestination.parse("topic:a")).isEqualTo(new JmsDestination(true, "a"))
        .isNotEqualTo(JmsDestination.parse("queue:a"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void requiresAValue(String spec) {
    assertThatThrownBy(() -> JmsDestination.parse(spec))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("jms_destination");
            assertThat(v.message()).contains("is required").contains("queue:<name>");
          });
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"orders", "Queue:orders", "QUEUE:orders", "jms:orders", "queue",
      " queue:orders", "queue orders", "jms.topic.orders"})
  void requiresTheKindPrefix(String spec) {
    assertThatThrownBy(() -> JmsDestination.parse(spec))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("jms_destination: ")
        .hasMessageContaining("must start with queue: or topic:");
  }

  @ParameterizedTest
  @ValueSource(strings = {"queue:", "topic:", "queue:orders events", "queue:orders\n",
      "topic:orders*", "topic:orders.#", "queue:ordérs", "queue:a:b", "queue:orders;drop",
      "topic:orders "})
  void refusesBadNames(String spec) {
    assertThatThrownBy(() -> JmsDestination.parse(spec))
        .isInstanceOfSatisfying(InvalidInputException.class, e ->
            assertThat(e.violations()).singleElement().satisfies(v -> {
              assertThat(v.field()).isEqualTo("jms_destination");
              assertThat(v.message()).contains("letters, digits, '.', '_', '-' or '/'");
            }));
  }

  @Test
  void refusesTwoHundredAndOneCharacters() {
    assertThatThrownBy(() -> JmsDestination.parse("topic:" + "a".repeat(201)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("1-200");
  }
}
