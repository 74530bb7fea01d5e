package dev.autowebhook.platform;

import dev.autowebhook.platform.InvalidInputException.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Bean Validation with API-shaped answers: violations named by their snake_case JSON path
 * ({@code lines[0].price_unit}) and thrown as one {@link InvalidInputException}.
 */
public final class Validation {

  private Validation() {}

  public static void check(Validator validator, Object bean) {
    check(validator, bean, new ArrayList<>());
  }

  /** Validates and throws with {@code earlier} violations (e.g. type errors) first, if any. */
  public static void check(Validator validator, Object bean, List<Violation> earlier) {
    List<Violation> all = new ArrayList<>(earlier);
    all.addAll(violations(validator, bean));
    if (!all.isEmpty()) {
      throw InvalidInputException.of(all);
    }
  }

  /** The constraint violations of {@code bean}, named and ordered as {@link #check} reports them. */
  public static List<Violation> violations(Validator validator, Object bean) {
    Set<ConstraintViolation<Object>> found = validator.validate(bean);
    return found.stream()
        .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
        .map(v -> new Violation(snake(v.getPropertyPath().toString()), v.getMessage()))
        .toList();
  }

  public static String snake(String camel) {
    StringBuilder sb = new StringBuilder(camel.length() + 4);
    for (char ch : camel.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        sb.append('_').append(Character.toLowerCase(ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }
}
