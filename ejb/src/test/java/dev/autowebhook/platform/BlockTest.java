package dev.autowebhook.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BlockTest {

  @Test
  void handsOutTheWholeBlockBelowTheFetchedTopThenFetchesTheNext() {
    var sequence = new AtomicLong(); // a database sequence incrementing by 3
    var fetches = new AtomicInteger();
    var block = new Block(3);
    long[] ids = new long[7];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = block.next(() -> {
        fetches.incrementAndGet();
        return sequence.addAndGet(3);
      });
    }
    assertThat(ids).containsExactly(1, 2, 3, 4, 5, 6, 7);
    assertThat(fetches).hasValue(3);
  }

  @Test
  void startsWhereTheSequenceIsNotAtOne() {
    var block = new Block(1000);
    assertThat(block.next(() -> 5000)).isEqualTo(4001);
    assertThat(block.next(() -> { throw new AssertionError("no fetch inside a block"); }))
        .isEqualTo(4002);
  }

  @Test
  void aFailedFetchLeavesTheBlockEmptySoTheNextCallFetchesAgain() {
    var block = new Block(10);
    assertThatThrownBy(() -> block.next(() -> { throw new IllegalStateException("db down"); }))
        .hasMessage("db down");
    assertThat(block.next(() -> 20)).isEqualTo(11);
  }

  @Test
  void concurrentCallersNeverShareAnIdNorSkipOne() throws Exception {
    var sequence = new AtomicLong();
    var block = new Block(50);
    Set<Long> seen = ConcurrentHashMap.newKeySet();
    var pool = Executors.newFixedThreadPool(8);
    for (int t = 0; t < 8; t++) {
      pool.submit(() -> {
        for (int i = 0; i < 5000; i++) {
          seen.add(block.next(() -> sequence.addAndGet(50)));
        }
      });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(seen).hasSize(40_000);
    assertThat(seen.stream().mapToLong(Long::longValue).max().getAsLong()).isEqualTo(40_000);
  }

  @Test
  void rejectsAnEmptyBlockSize() {
    assertThatThrownBy(() -> new Block(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
