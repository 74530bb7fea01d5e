package dev.autowebhook.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.operations.boundary.Jobs;
import dev.autowebhook.platform.InvalidInputException;
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
    assertThat(Jobs.number("n", " 42 ")).isEqualTo(42L);
    assertThat(Jobs.number("n", "")).isNull();
    assertThat(Jobs.number("n", null)).isNull();
    Assertions.assertThatThrownBy(() -> Jobs.number("n", "4.5"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("whole number");
  }
}
