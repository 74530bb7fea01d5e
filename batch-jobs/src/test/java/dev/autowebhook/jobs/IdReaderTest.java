package dev.autowebhook.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class IdReaderTest {

  /** Ids 1..n; records each page request. */
  static final class Ids extends IdReader {
    final long n;
    final List<Long> asked = new ArrayList<>();

    Ids(long n) {
      this.n = n;
    }

    @Override
    protected List<Long> page(long afterId, int size) {
      asked.add(afterId);
      return LongStream.rangeClosed(afterId + 1, Math.min(n, afterId + size)).boxed().toList();
    }
  }

  @Test
  void readsEveryIdOnceInPagesAndStopsAfterAShortPage() {
    Ids cut = new Ids(IdReader.PAGE + 3);
    cut.open(null);
    List<Object> read = new ArrayList<>();
    for (Object id = cut.readItem(); id != null; id = cut.readItem()) {
      read.add(id);
    }
    assertThat(read).hasSize(IdReader.PAGE + 3).first().isEqualTo(1L);
    assertThat(read).last().isEqualTo((long) IdReader.PAGE + 3);
    assertThat(cut.asked).containsExactly(0L, (long) IdReader.PAGE);
    assertThat(cut.readItem()).as("no query after the end").isNull();
    assertThat(cut.asked).hasSize(2);
  }

  @Test
  void aRestartGoesOnAfterTheCheckpoint() {
    Ids first = new Ids(10);
    first.open(null);
    first.readItem();
    first.readItem();
    assertThat(first.checkpointInfo()).isEqualTo(2L);

    Ids restarted = new Ids(10);
    restarted.open(first.checkpointInfo());
    assertThat(restarted.readItem()).isEqualTo(3L);
  }
}
