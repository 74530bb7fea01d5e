package dev.autowebhook.subscription.control;

import dev.autowebhook.platform.InvalidInputException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.MapContext;
import org.apache.commons.jexl3.introspection.JexlPermissions;

/**
 * A config's filter rule: one condition on the event, such as
 * {@code state == 'sale' && amount_total > 1000}, deciding whether the config's subscribers get
 * it. Evaluated by Apache Commons JEXL locked down to pure expressions: no assignments, loops,
 * lambdas, {@code new}, pragmas, method calls or Java classes at all — only the event's own maps,
 * lists and values can be read. A rule that fails to evaluate, or does not give a boolean, does
 * not match.
 *
 * <p>Variables: every top-level field of the record snapshot by name ({@code state},
 * {@code amount_total}), plus {@code data}, {@code changes} (e.g.
 * {@code changes.state['new'] == 'sale'} — {@code new} is a keyword, so use brackets),
 * {@code event}, {@code model}, {@code record_id}, {@code priority}, {@code category}; these
 * reserved names win over record fields of the same name (reach those as {@code data.event}).
 */
public final class FilterRule {

  public static final int MAX_LENGTH = 2000;
  public static final FilterRule ALWAYS = new FilterRule("", null);

  /** What a stored rule that no longer compiles becomes: better nothing than everything. */
  public static FilterRule orNever(String text) {
    try {
      return compile(text);
    } catch (InvalidInputException e) {
      LOG.severe(() -> "Stored filter rule '" + text + "' is invalid, so nothing matches it: "
          + e.getMessage());
      return compile("false");
    }
  }

  private static final Logger LOG = Logger.getLogger(FilterRule.class.getName());
  private static final int MAX_CACHED = 1000;
  private static final Map<String, FilterRule> CACHE = new ConcurrentHashMap<>();

  private static final JexlFeatures FEATURES = new JexlFeatures()
      .sideEffect(false).sideEffectGlobal(false).loops(false).lambda(false).thinArrow(false)
      .fatArrow(false).newInstance(false).methodCall(false).pragma(false).pragmaAnywhere(false)
      .importPragma(false).namespacePragma(false).annotation(false).localVar(false)
      .script(false).register(false);

  private static final JexlPermissions NOTHING = new OnlyData();

  private static final JexlEngine ENGINE = new JexlBuilder().features(FEATURES)
      .permissions(NOTHING).strict(false).safe(true).silent(false).cache(256)
      .stackOverflow(64).create();

  private final String text;
  private final JexlExpression expression;
  private final AtomicLong errors = new AtomicLong();

  private FilterRule(String text, JexlExpression expression) {
    this.text = text;
    this.expression = expression;
  }

  /** Compiles (or takes from the cache) a rule; blank → {@link #ALWAYS}; invalid → 400. */
  public static FilterRule compile(String text) {
    if (text == null || text.isBlank()) {
      return ALWAYS;
    }
    String t = text.trim();
    if (t.length() > MAX_LENGTH) {
      throw new InvalidInputException("filter", "must be at most " + MAX_LENGTH + " characters");
    }
    FilterRule cached = CACHE.get(t);
    if (cached != null) {
      return cached;
    }
    FilterRule rule;
    try {
      rule = new FilterRule(t, ENGINE.createExpression(t));
    } catch (JexlException e) {
      throw new InvalidInputException("filter", "is not a valid rule: " + describe(e)
          + ". Write one condition, e.g. state == 'sale' && amount_total > 1000");
    }
    if (CACHE.size() >= MAX_CACHED) {
      CACHE.clear();
    }
    CACHE.put(t, rule);
    return rule;
  }

  private static String describe(JexlException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    // JEXL prefixes the message with the engine's own class and method; keep the position on
    int at = m.indexOf("@");
    return (at >= 0 ? m.substring(at) : m).replace('\n', ' ');
  }

  /** True when the event matches; an evaluation error or a non-boolean result is no match. */
  public boolean matches(Map<String, Object> variables) {
    if (expression == null) {
      return true;
    }
    try {
      Object result = expression.evaluate(new MapContext(variables));
      return Boolean.TRUE.equals(result);
    } catch (RuntimeException | StackOverflowError e) {
      long n = errors.incrementAndGet();
      if (n == 1 || n % 1000 == 0) {
        LOG.warning(() -> "Filter rule '" + text + "' failed to evaluate (" + n + " times): "
            + e.getMessage());
      }
      return false;
    }
  }

  /** How many evaluations of this rule failed (and so did not match). */
  public long errors() {
    return errors.get();
  }

  public String text() {
    return text;
  }

  public boolean isAlways() {
    return expression == null;
  }

  /** What a rule sees of an event (see the class comment). */
  public static Map<String, Object> variables(String event, String model, Object recordId,
      Map<String, Object> data, Map<String, Map<String, Object>> changes, String priority,
      String category) {
    Map<String, Object> v = new LinkedHashMap<>();
    if (data != null) {
      v.putAll(data);
    }
    v.put("data", data == null ? Map.of() : data);
    v.put("changes", changes == null ? Map.of() : changes);
    v.put("event", event);
    v.put("model", model);
    v.put("record_id", recordId);
    v.put("priority", priority);
    v.put("category", category);
    return v;
  }

  @Override
  public String toString() {
    return text;
  }

  /**
   * Nothing of Java is reachable: no constructor, field or class beyond the event's maps, lists,
   * strings, numbers and booleans, and of their methods only the lookups the engine itself uses
   * to read an entry ({@code get}, {@code containsKey}, {@code contains}).
   */
  static final class OnlyData implements JexlPermissions {

    private static final Set<String> LOOKUPS = Set.of("get", "containsKey", "contains");

    @Override
    public boolean allow(Package p) {
      return p != null && Set.of("java.util", "java.lang", "java.math").contains(p.getName());
    }

    @Override
    public boolean allow(Class<?> c) {
      return c != null && (Map.class.isAssignableFrom(c) || Collection.class.isAssignableFrom(c)
          || c == String.class || c == Boolean.class || Number.class.isAssignableFrom(c));
    }

    @Override
    public boolean allow(Constructor<?> c) {
      return false;
    }

    @Override
    public boolean allow(Field f) {
      return false;
    }

    @Override
    public boolean allow(Method m) {
      Class<?> owner = m.getDeclaringClass();
      return LOOKUPS.contains(m.getName())
          && (Map.class.isAssignableFrom(owner) || Collection.class.isAssignableFrom(owner));
    }

    @Override
    public JexlPermissions compose(String... src) {
      return this;
    }
  }

  static int cached() {
    return CACHE.size();
  }
}
