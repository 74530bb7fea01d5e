package dev.autowebhook.messaging.control;

import dev.autowebhook.platform.InvalidInputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a {@code jms} subscriber wants its events: the {@code jms_destination} field, written
 * {@code queue:<name>} or {@code topic:<name>}. Names are kept to a character set every broker
 * accepts, so a typo is refused when the subscriber is saved rather than at the first delivery.
 */
public record JmsDestination(boolean topic, String name) {

  private static final String NAME_RULE =
      "1-200 letters, digits, '.', '_', '-' or '/'";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._/-]{1,200}");
  private static final Pattern SPEC = Pattern.compile("(queue|topic):(.*)", Pattern.DOTALL);

  public JmsDestination {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidInputException("jms_destination",
          "the destination name must be " + NAME_RULE + ", e.g. queue:orders");
    }
  }

  /** Parses {@code queue:<name>} or {@code topic:<name>}; anything else is invalid input. */
  public static JmsDestination parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new InvalidInputException("jms_destination",
          "is required: queue:<name> or topic:<name>, e.g. queue:orders");
    }
    Matcher m = SPEC.matcher(spec);
    if (!m.matches()) {
      throw new InvalidInputException("jms_destination",
          "must start with queue: or topic:, e.g. queue:orders or topic:orders.events");
    }
    return new JmsDestination(m.group(1).equals("topic"), m.group(2));
  }

  @Override
  public String toString() {
    return (topic ? "topic:" : "queue:") + name;
  }
}
