package dev.autowebhook.api.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Readable operation ids and summaries derived from an operation's method and path, for
 * operations whose resource did not name them: {@code GET /api/v1/admin/subscribers} is
 * {@code listSubscribers}, {@code PUT /api/v1/admin/configs/{id}} is {@code updateConfig},
 * {@code POST /api/v1/admin/subscribers/{id}/rotate-secret} is {@code rotateSubscriberSecret}.
 */
final class OperationNames {

  private OperationNames() {}

  /**
   * Whether an id reads as chosen by a person: camelCase of at least two words. A bare word
   * ({@code list}, {@code get}, {@code search}) is the Java method name the scanner fell back to.
   */
  static boolean isDeliberate(String operationId) {
    if (operationId == null || operationId.isBlank()) {
      return false;
    }
    for (int i = 1; i < operationId.length(); i++) {
      if (Character.isUpperCase(operationId.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** The id for {@code method} (GET, POST…) on {@code path} (e.g. /api/v1/admin/configs/{id}). */
  static String derive(String method, String path) {
    List<String> segments = segments(path);
    String verb = method.toLowerCase(Locale.ROOT);
    if (segments.isEmpty()) {
      return verb + "Root";
    }
    int last = segments.size() - 1;
    String tail = segments.get(last);
    if (isParam(tail)) {
      // an item: GET /configs/{id} -> getConfig
      int noun = last - 1;
      String name = noun >= 0 && !isParam(segments.get(noun))
          ? singular(segments.get(noun)) : "item";
      return itemVerb(verb) + pascal(literals(segments, 0, Math.max(noun, 0)))
          + pascal(List.of(name));
    }
    if (last >= 2 && isParam(segments.get(last - 1)) && !isParam(segments.get(last - 2))) {
      // something of an item: POST /subscribers/{id}/test -> testSubscriber
      String noun = pascal(literals(segments, 0, last - 2))
          + pascal(List.of(singular(segments.get(last - 2))));
      String[] words = tail.split("[-_]");
      return switch (verb) {
        case "post" -> words[0].toLowerCase(Locale.ROOT) + noun
            + pascal(List.of(words).subList(1, words.length));
        case "get" -> (tail.endsWith("s") ? "list" : "get") + noun + pascal(List.of(tail));
        default -> itemVerb(verb) + noun + pascal(List.of(tail));
      };
    }
    // a collection: GET /admin/subscribers -> listSubscribers, POST -> createSubscriber
    List<String> words = literals(segments, 0, segments.size());
    List<String> singularLast = new ArrayList<>(words);
    singularLast.set(singularLast.size() - 1, singular(words.get(words.size() - 1)));
    return switch (verb) {
      case "get" -> "list" + pascal(words);
      case "post" -> "create" + pascal(singularLast);
      case "put" -> "replace" + pascal(words);
      case "delete" -> "clear" + pascal(words);
      default -> verb + pascal(words);
    };
  }

  /** A sentence from an id: {@code listWebhooksEvents} -> "List webhooks events". */
  static String summary(String operationId) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < operationId.length(); i++) {
      char c = operationId.charAt(i);
      if (i == 0) {
        sb.append(Character.toUpperCase(c));
      } else if (Character.isUpperCase(c)) {
        sb.append(' ').append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A naive English singular, good enough for REST collection names. */
  static String singular(String plural) {
    if (plural.endsWith("ies") && plural.length() > 3) {
      return plural.substring(0, plural.length() - 3) + "y";
    }
    for (String es : List.of("sses", "xes", "ches", "shes")) {
      if (plural.endsWith(es)) {
        return plural.substring(0, plural.length() - 2);
      }
    }
    if (plural.endsWith("s") && !plural.endsWith("ss") && !plural.endsWith("us")) {
      return plural.substring(0, plural.length() - 1);
    }
    return plural;
  }

  /** {@code ["sale-orders", "sync_state"]} -> {@code SaleOrdersSyncState}. */
  static String pascal(List<String> words) {
    StringBuilder sb = new StringBuilder();
    for (String word : words) {
      for (String part : word.split("[-_. ]")) {
        if (!part.isEmpty()) {
          sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
      }
    }
    return sb.toString();
  }

  /** The path's segments after the API prefix ({@code /api/v1}) and a leading {@code admin}. */
  private static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    if (!out.isEmpty() && out.get(0).equals("api")) {
      out.remove(0);
    }
    if (!out.isEmpty() && out.get(0).matches("v\\d+")) {
      out.remove(0);
    }
    if (out.size() > 1 && out.get(0).equals("admin")) {
      out.remove(0);
    }
    return out;
  }

  private static List<String> literals(List<String> segments, int from, int to) {
    return segments.subList(from, to).stream().filter(s -> !isParam(s)).toList();
  }

  private static boolean isParam(String segment) {
    return segment.startsWith("{");
  }

  private static String itemVerb(String verb) {
    return verb.equals("put") ? "update" : verb;
  }
}
