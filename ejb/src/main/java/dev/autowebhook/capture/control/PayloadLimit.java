package dev.autowebhook.capture.control;

import dev.autowebhook.capture.entity.ChangeKind;
import dev.autowebhook.platform.PayloadTooLargeException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The largest event a change may become: {@code autowebhook.capture.max-payload-bytes} (default
 * 1 MiB), measured on the serialized event (UTF-8 bytes). A change above it is refused, whatever
 * {@code autowebhook.capture.fail-on-error} says: it is not a failure of capture but input the
 * system will not carry (every subscriber would get it, on every retry, and the feed keeps it).
 * The business transaction rolls back, the caller gets a 413, the refusal is logged (sizes, model
 * and kind; never the payload) and counted per model for {@link CaptureMeters}.
 */
@ApplicationScoped
public class PayloadLimit {

  public static final String SETTING = "autowebhook.capture.max-payload-bytes";
  static final long DEFAULT_BYTES = 1024 * 1024;
  private static final Logger LOG = Logger.getLogger(PayloadLimit.class.getName());

  private final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();

  @Inject
  @ConfigProperty(name = SETTING, defaultValue = "1048576")
  long maxBytes;

  PayloadLimit() {
    this(DEFAULT_BYTES);
  }

  PayloadLimit(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @PostConstruct
  void validate() {
    if (maxBytes < 1) {
      throw new IllegalStateException(SETTING + " must be at least 1, not " + maxBytes);
    }
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** Refuses (counts, logs, throws) an event of {@code model} larger than the limit. */
  public void check(String model, ChangeKind kind, String event) {
    if ((long) event.length() * 3 <= maxBytes) {
      return; // a char is at most 3 UTF-8 bytes (a surrogate pair, 2 chars, is 4): no need to count
    }
    long size = utf8Length(event);
    if (size <= maxBytes) {
      return;
    }
    refused.computeIfAbsent(model, m -> new AtomicLong()).incrementAndGet();
    LOG.warning(() -> "Capture refused: a " + kind.key() + " of " + model + " would be an event of "
        + size + " bytes, over the limit of " + maxBytes + " (" + SETTING
        + "); the change was rolled back");
    throw new PayloadTooLargeException("This " + kind.key() + " of " + model + " would be"
        + " captured as an event of " + size + " bytes; the limit is " + maxBytes + " bytes ("
        + "AUTOWEBHOOK_CAPTURE_MAX_PAYLOAD_BYTES). Nothing was saved.", size, maxBytes);
  }

  /** Refusals since start, per model key (a copy, in key order). */
  public Map<String, Long> refusals() {
    Map<String, Long> out = new TreeMap<>();
    refused.forEach((m, n) -> out.put(m, n.get()));
    return out;
  }

  /** Refusals of one model since start. */
  public long refusals(String model) {
    AtomicLong n = refused.get(model);
    return n == null ? 0 : n.get();
  }

  /** The number of bytes {@code s.getBytes(UTF_8)} has, without encoding it. */
  static long utf8Length(CharSequence s) {
    int n = s.length();
    long bytes = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (!Character.isSurrogate(c)) {
        bytes += 3;
      } else if (Character.isHighSurrogate(c) && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes++; // a lone surrogate is encoded as '?'
      }
    }
    return bytes;
  }
}
