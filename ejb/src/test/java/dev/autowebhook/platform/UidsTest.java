package dev.autowebhook.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class UidsTest {

  @Test
  void isThePrefixAndAVersion7UuidInHex() {
    String id = Uids.next("evt_");
    assertThat(id).matches("evt_[0-9a-f]{32}");
    String hex = id.substring(4);
    UUID uuid = UUID.fromString(hex.replaceFirst(
        "(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
    assertThat(uuid.version()).isEqualTo(7);
    assertThat(uuid.variant()).isEqualTo(2);
  }

  @Test
  void startsWithTheCreationMillisecond() {
    long ms = 1_795_911_647_170L;
    String id = Uids.next("", ms, ThreadLocalRandom.current());
    assertThat(Long.parseLong(id.substring(0, 12), 16)).isEqualTo(ms);
  }

  @Test
  void sortsByCreationTime() {
    String earlier = Uids.next("", 1_000, ThreadLocalRandom.current());
    String later = Uids.next("", 1_001, ThreadLocalRandom.current());
    assertThat(earlier).isLessThan(later);
  }

  @Test
  void doesNotRepeatWithinOneMillisecond() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200_000; i++) {
      seen.add(Uids.next("", 42, ThreadLocalRandom.current()));
    }
    assertThat(seen).hasSize(200_000);
  }
}
