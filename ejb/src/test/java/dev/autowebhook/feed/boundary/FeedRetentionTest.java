package dev.autowebhook.feed.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autowebhook.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

class FeedRetentionTest {

  private final FeedRetention cut = new FeedRetention();

  FeedRetentionTest() {
    cut.retentionSeconds = 7_776_000;
    cut.hardLimitSeconds = 31_536_000;
  }

  @Test
  void limitsUpToAHundredYearsAreCutoffsBeforeNow() {
    FeedRetention.Cutoffs c = cut.cutoffs(0L, FeedRetention.MAX_SECONDS);
    assertThat(c.hardLimitSeconds()).isEqualTo(FeedRetention.MAX_SECONDS);
    assertThat(cut.cutoffs(null, null).retentionSeconds()).isEqualTo(7_776_000);
  }

  @Test
  void longerLimitsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> cut.cutoffs(0L, Long.MAX_VALUE))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(
            e.violations().get(0).field()).isEqualTo("hard_limit_seconds"));
    assertThatThrownBy(() -> cut.cutoffs(FeedRetention.MAX_SECONDS + 1, null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(
            e.violations().get(0).field()).isEqualTo("retention_seconds"));
    assertThatThrownBy(() -> cut.cutoffs(-1L, null)).isInstanceOf(InvalidInputException.class);
  }
}
