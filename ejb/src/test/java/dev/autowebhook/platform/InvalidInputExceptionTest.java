package dev.autowebhook.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autowebhook.platform.InvalidInputException.Violation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidInputExceptionTest {

  @Test
  void fieldConstructorCarriesOneViolation() {
    InvalidInputException cut = new InvalidInputException("name", "must not be blank");

    assertThat(cut.getMessage()).isEqualTo("name: must not be blank");
    assertThat(cut.violations()).containsExactly(new Violation("name", "must not be blank"));
  }

  @Test
  void messageOnlyConstructorHasNoViolations() {
    InvalidInputException cut = new InvalidInputException("bad input");

    assertThat(cut.getMessage()).isEqualTo("bad input");
    assertThat(cut.violations()).isEmpty();
  }

  @Test
  void ofJoinsTheViolationsAndHandlesNullFields() {
    InvalidInputException cut = InvalidInputException.of(List.of(
        new Violation("a", "is wrong"), new Violation(null, "whole input is wrong"),
        new Violation("b", "too")));

    assertThat(cut.getMessage()).isEqualTo("a: is wrong; whole input is wrong; b: too");
    assertThat(cut.violations()).hasSize(3);
  }

  @Test
  void ofEmptyListHasAnEmptyMessage() {
    assertThat(InvalidInputException.of(List.of()).getMessage()).isEmpty();
  }

  @Test
  void violationsAreACopy() {
    List<Violation> list = new ArrayList<>(List.of(new Violation("a", "x")));
    InvalidInputException cut = InvalidInputException.of(list);
    list.clear();

    assertThat(cut.violations()).hasSize(1);
    assertThatThrownBy(() -> cut.violations().add(new Violation("b", "y")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void isAnOutboxException() {
    assertThat(new InvalidInputException("x")).isInstanceOf(OutboxException.class)
        .isInstanceOf(RuntimeException.class);
  }
}
