package dev.autowebhook.operations.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.platform.InvalidInputException;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class JobScheduleTest {

  @Test
  void timesOfDayAreParsedAndEverythingElseSwitchesTheTimerOff() {
    assertThat(JobSchedule.parse("03:17"))
        .hasValueSatisfying(t -> assertThat(t).containsExactly(3, 17));
    assertThat(JobSchedule.parse("0:00"))
        .hasValueSatisfying(t -> assertThat(t).containsExactly(0, 0));
    assertThat(JobSchedule.parse("23:59")).isPresent();
    assertThat(JobSchedule.parse("")).isEmpty();
    assertThat(JobSchedule.parse("24:00")).isEmpty();
    assertThat(JobSchedule.parse("12:60")).isEmpty();
    assertThat(JobSchedule.parse("3h17")).isEmpty();
    assertThat(JobSchedule.parse("03:17:00")).isEmpty();
  }

  @Test
  void numberParametersAreWholeNumbersOrAbsent() {
    assertThat(Jobs.number(Map.of("n", " 42 "), "n")).isEqualTo(42L);
    assertThat(Jobs.number(Map.of("n", ""), "n")).isNull();
    assertThat(Jobs.number(Map.of(), "n")).isNull();
    Assertions.assertThatThrownBy(() -> Jobs.number(Map.of("n", "4.5"), "n"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("whole number");
  }
}
