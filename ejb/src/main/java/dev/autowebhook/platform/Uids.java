package dev.autowebhook.platform;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Unique ids for events and batches: a prefix and 32 hex digits laid out as a UUID version 7
 * (48 bits of Unix milliseconds, then 74 random bits), so ids sort by creation time and new rows
 * land at the end of the unique index.
 *
 * <p>The random bits come from {@link ThreadLocalRandom}: {@code UUID.randomUUID()} draws from the
 * one {@code SecureRandom} of the JVM under a global lock, and business writes queued on it. The
 * ids identify, they do not authorize: what proves an event's origin is its signature.
 */
public final class Uids {

  private static final HexFormat HEX = HexFormat.of();

  private Uids() {}

  /** {@code prefix} followed by 32 lower-case hex digits. */
  public static String next(String prefix) {
    return next(prefix, System.currentTimeMillis(), ThreadLocalRandom.current());
  }

  static String next(String prefix, long epochMillis, ThreadLocalRandom random) {
    long high = (epochMillis << 16) | 0x7000L | (random.nextInt() & 0x0fffL);
    long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return prefix + HEX.toHexDigits(high) + HEX.toHexDigits(low);
  }
}
