package dev.autowebhook.platform;

import java.util.function.LongSupplier;

/**
 * A block of consecutive ids handed out one by one; when it runs out, the next block is fetched
 * as its top value (a database sequence incremented by the block size returns the last id of the
 * block it reserved).
 */
final class Block {

  private final int size;
  private long next = 1;
  private long last;

  Block(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("block size " + size);
    }
    this.size = size;
  }

  synchronized long next(LongSupplier fetchTop) {
    if (next > last) {
      long top = fetchTop.getAsLong();
      next = top - size + 1;
      last = top;
    }
    return next++;
  }
}
