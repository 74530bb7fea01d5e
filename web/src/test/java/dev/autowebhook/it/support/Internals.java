package dev.autowebhook.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an error answer must not show a client: class names and stack frames, SQL, and the names
 * or versions of the products inside (server, persistence, database, JSF implementation).
 */
public final class Internals {

  static final Pattern FORBIDDEN = Pattern.compile(
      "[a-z]+\\.[a-z]+\\.[\\w.$]*[A-Z]\\w*(Exception|Error)|\\bat dev\\.|org\\.eclipse|\\bjava\\."
          + "|jakarta\\.(persistence|ejb|servlet)|SELECT |INSERT |UPDATE | FROM |SQLState"
          + "|Payara|EclipseLink|Eclipse Persistence|H2 |PostgreSQL|Mojarra|GlassFish|Grizzly"
          + "|Jersey|Error report");

  /** Where each answer's correlation id goes; the UUID form the server writes. */
  public static final Pattern ID = Pattern.compile(
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private Internals() {}

  /** Fails with what was found if {@code text} (a body, a page) shows an internal. */
  public static void assertNone(String what, String text) {
    Matcher m = FORBIDDEN.matcher(text);
    assertThat(m.find() ? m.group() : null).as("%s shows internals: %s", what, text).isNull();
  }

  /** The body and every header value of {@code r}. */
  public static void assertNone(ApiResponse r) {
    assertNone(r.method() + " " + r.path() + " (body)", r.body());
    for (Map.Entry<String, List<String>> h : r.headers().entrySet()) {
      assertNone(r.method() + " " + r.path() + " (header " + h.getKey() + ")",
          String.join(", ", h.getValue()));
    }
  }

  /**
   * The log record of {@code id} in {@code log}: it exists, and its stack trace (the lines after
   * it, up to the next record) contains {@code expectedInTrace}.
   */
  public static void assertLogged(String log, String id, String expectedInTrace) {
    int at = log.indexOf(id);
    assertThat(at).as("correlation id %s in the server log", id).isNotNegative();
    int end = log.indexOf("\n[20", at);
    String record = log.substring(at, end < 0 ? log.length() : end);
    assertThat(record).as("the log record of %s", id).contains(expectedInTrace);
  }
}
