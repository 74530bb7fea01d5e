package dev.autowebhook.platform;

import java.util.List;

/** Input that breaks a rule; carries one message per offending field where there is one. */
public class InvalidInputException extends OutboxException {

  /** One broken rule: the snake_case field name (or null for the whole input) and the message. */
  public record Violation(String field, String message) {}

  private final List<Violation> violations;

  public InvalidInputException(String message) {
    this(message, List.of());
  }

  public InvalidInputException(String field, String message) {
    this(field + ": " + message, List.of(new Violation(field, message)));
  }

  public InvalidInputException(String message, List<Violation> violations) {
    super(message);
    this.violations = List.copyOf(violations);
  }

  public static InvalidInputException of(List<Violation> violations) {
    StringBuilder sb = new StringBuilder();
    for (Violation v : violations) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(v.field() == null ? "" : v.field() + ": ").append(v.message());
    }
    return new InvalidInputException(sb.toString(), violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
