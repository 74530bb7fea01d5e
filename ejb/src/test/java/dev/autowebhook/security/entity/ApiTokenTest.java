package dev.autowebhook.security.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ApiTokenTest {

  static final OffsetDateTime NOW = OffsetDateTime.of(2026, 1, 31, 10, 0, 0, 0, ZoneOffset.UTC);

  static ApiToken token(OffsetDateTime expiresAt) {
    return new ApiToken("phone", "alice", "0".repeat(64), "abcdefgh", NOW.minusDays(1),
        expiresAt, "admin");
  }

  @Test
  void tokenWithoutExpiryIsUsableUntilRevoked() {
    ApiToken cut = token(null);
    assertThat(cut.isUsableAt(NOW.plusYears(10))).isTrue();

    assertThat(cut.revoke(NOW)).isTrue();

    assertThat(cut.isUsableAt(NOW)).isFalse();
    assertThat(cut.getRevokedAt()).isEqualTo(NOW);
  }

  @Test
  void tokenStopsWorkingAtItsExpiry() {
    ApiToken cut = token(NOW);
    assertThat(cut.isUsableAt(NOW.minusNanos(1000))).isTrue();
    assertThat(cut.isUsableAt(NOW)).isFalse();
    assertThat(cut.isUsableAt(NOW.plusSeconds(1))).isFalse();
  }

  @Test
  void expiryIsComparedAsAnInstantWhateverTheOffset() {
    ApiToken cut = token(NOW);
    assertThat(cut.isUsableAt(NOW.withOffsetSameInstant(ZoneOffset.ofHours(2)).minusSeconds(1)))
        .isTrue();
    assertThat(cut.isUsableAt(NOW.withOffsetSameInstant(ZoneOffset.ofHours(-5)))).isFalse();
  }

  @Test
  void revokingTwiceKeepsTheFirstTime() {
    ApiToken cut = token(null);
    cut.revoke(NOW);

    assertThat(cut.revoke(NOW.plusHours(1))).isFalse();

    assertThat(cut.getRevokedAt()).isEqualTo(NOW);
  }

  @Test
  void lastUseIsWrittenAtMostOncePerMinute() {
    ApiToken cut = token(null);
    assertThat(cut.needsTouchAt(NOW)).as("never used").isTrue();

    cut.setLastUsedAt(NOW);

    assertThat(cut.needsTouchAt(NOW.plusSeconds(59))).isFalse();
    assertThat(cut.needsTouchAt(NOW.plusSeconds(60))).isTrue();
    assertThat(cut.needsTouchAt(NOW.plusHours(1))).isTrue();
  }
}
