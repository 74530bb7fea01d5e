package dev.autowebhook.jobs;

import jakarta.batch.api.chunk.AbstractItemReader;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads ids in ascending order a page at a time ({@link #page}); the checkpoint is the last id
 * handed out, so a restarted step reads on after the last committed chunk.
 */
public abstract class IdReader extends AbstractItemReader {

  static final int PAGE = 500;

  private final Deque<Long> buffer = new ArrayDeque<>();
  private long last;
  private boolean exhausted;

  /** Up to {@code size} ids greater than {@code afterId}, ascending. */
  protected abstract List<Long> page(long afterId, int size);

  @Override
  public void open(Serializable checkpoint) {
    last = checkpoint == null ? 0L : (Long) checkpoint;
  }

  @Override
  public Object readItem() {
    if (buffer.isEmpty() && !exhausted) {
      List<Long> ids = page(last, PAGE);
      buffer.addAll(ids);
      exhausted = ids.size() < PAGE;
    }
    Long next = buffer.poll();
    if (next != null) {
      last = next;
    }
    return next;
  }

  @Override
  public Serializable checkpointInfo() {
    return last;
  }
}
