package dev.autowebhook.subscription.control;

import dev.autowebhook.platform.InvalidInputException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.math.MathContext;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.commons.jexl3.JexlArithmetic;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlContext;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlInfo;
import org.apache.commons.jexl3.internal.Debugger;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import org.apache.commons.jexl3.parser.ASTFunctionNode;
import org.apache.commons.jexl3.parser.ASTIdentifierAccess;
import org.apache.commons.jexl3.parser.ASTJxltLiteral;
import org.apache.commons.jexl3.parser.JexlNode;

/**
 * A config's filter rule: one JEXL expression over the event, e.g. {@code state == 'sale' &&
 * amount_total > 1000}, that decides whether the event reaches the subscribers. Admins type these
 * and they run inside the server, so the engine only accepts a single read-only expression (no
 * statements, assignments, method or function calls, {@code new}, lambdas, loops or pragmas) and
 * sees no Java class but maps, lists, strings, numbers and booleans.
 *
 * <p>What a rule sees is {@link #variables}. Missing fields are null, {@code a.b} on a missing
 * {@code a} is null, and ordering a null ({@code <}, {@code >=}) is false; {@code x =~ ['a','b']}
 * tests membership, {@code x =~ 'regex'} matches within a bounded effort. Fields named like a JEXL
 * keyword ({@code new}, {@code size}, {@code empty}, {@code not}, ...) are read as
 * {@code data['new']}.
 */
public final class FilterRule {

  /** The rule of a config without a filter: every event matches. */
  public static final FilterRule ALWAYS = new FilterRule("", null);

  public static final int MAX_LENGTH = 2000;

  /** Names {@link #variables} always binds; they win over record fields with the same name. */
  public static final Set<String> RESERVED =
      Set.of("data", "changes", "event", "model", "record_id", "priority", "category");

  private static final String FIELD = "filter";
  private static final int CACHE_SIZE = 256;
  private static final int REGEX_BUDGET = 1_000_000; // character reads per regex match
  private static final Logger LOG = Logger.getLogger(FilterRule.class.getName());

  private static final JexlFeatures FEATURES = new JexlFeatures()
      .script(false) // one expression: no ';'-separated statements, if, return
      .sideEffect(false) // no =, +=, ++ on anything, properties included
      .sideEffectGlobal(false)
      .localVar(false) // no var/let/const
      .lambda(false)
      .thinArrow(false)
      .fatArrow(false)
      .loops(false)
      .newInstance(false) // no new(...)
      .methodCall(false) // no a.b(...)
      .pragma(false)
      .pragmaAnywhere(false)
      .namespacePragma(false)
      .importPragma(false)
      .annotation(false)
      .register(false);

  private static final JexlEngine ENGINE = new JexlBuilder()
      .features(FEATURES)
      .permissions(new JsonOnly())
      .arithmetic(new BoundedArithmetic(false)) // non-strict: null compares false, no throw
      .strict(false) // an unknown variable or property is null
      .safe(true) // a.b.c on a null a is null
      .silent(false) // errors throw: syntax errors reach the admin, evaluation errors are counted
      .antish(false) // a.b is property b of a, never a variable named "a.b"
      .create();

  private static final Map<String, FilterRule> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, FilterRule> eldest) {
      return size() > CACHE_SIZE;
    }
  };

  private final String text;
  private final JexlExpression expression;
  private final AtomicLong errors = new AtomicLong();

  private FilterRule(String text, JexlExpression expression) {
    this.text = text;
    this.expression = expression;
  }

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

  /**
   * The rule for this text, compiled once and cached (so identical rules share one instance and
   * its {@link #errors()} count). Blank means {@link #ALWAYS}.
   *
   * @throws InvalidInputException on field {@code filter} for a syntax error, a construct a filter
   *     may not use, or text longer than {@link #MAX_LENGTH}; the message gives line and column
   */
  public static FilterRule compile(String text) {
    if (text == null || text.isBlank()) {
      return ALWAYS;
    }
    if (text.length() > MAX_LENGTH) {
      throw new InvalidInputException(FIELD, "is longer than " + MAX_LENGTH + " characters");
    }
    synchronized (CACHE) {
      FilterRule cached = CACHE.get(text);
      if (cached != null) {
        return cached;
      }
    }
    FilterRule rule = new FilterRule(text, parse(text));
    synchronized (CACHE) {
      CACHE.putIfAbsent(text, rule);
      return CACHE.get(text);
    }
  }

  /**
   * What a rule sees: every top-level field of the record snapshot by name ({@code state},
   * {@code amount_total}), plus the {@link #RESERVED} names {@code data} (the snapshot),
   * {@code changes} (field to {@code old}/{@code new}), {@code event}, {@code model},
   * {@code record_id}, {@code priority} and {@code category}. A reserved name wins over a record
   * field of the same name; that field stays readable as {@code data.model}. Values are as JSON
   * parsing gives them: plain {@code java.util} maps and lists, strings, numbers, booleans, null.
   */
  public static Map<String, Object> variables(String event, String model, Object recordId,
      Map<String, Object> data, Map<String, Map<String, Object>> changes, String priority,
      String category) {
    Map<String, Object> vars = new HashMap<>();
    if (data != null) {
      vars.putAll(data);
    }
    vars.put("data", data != null ? data : Map.of());
    vars.put("changes", changes != null ? changes : Map.of());
    vars.put("event", event);
    vars.put("model", model);
    vars.put("record_id", recordId);
    vars.put("priority", priority);
    vars.put("category", category);
    return Collections.unmodifiableMap(vars);
  }

  /** What one evaluation of a rule decided. */
  public enum Outcome {
    /** The rule gave true: the event reaches the subscribers. */
    MATCH,
    /** The rule gave false: the event is dropped. */
    NO_MATCH,
    /** The rule failed or gave no boolean: the event is dropped, and counted in errors(). */
    ERROR
  }

  /**
   * True when the rule evaluates to {@code true}. An evaluation error or a result that is not a
   * boolean (e.g. {@code null}) is false and counts in {@link #errors()}; never throws.
   */
  public boolean matches(Map<String, Object> vars) {
    return test(vars) == Outcome.MATCH;
  }

  /** {@link #matches}, telling a false apart from an error (never throws). */
  public Outcome test(Map<String, Object> vars) {
    if (expression == null) {
      return Outcome.MATCH;
    }
    Object result;
    try {
      result = expression.evaluate(new Vars(vars != null ? vars : Map.of()));
    } catch (RuntimeException | StackOverflowError e) {
      failed(e.toString());
      return Outcome.ERROR;
    }
    if (result instanceof Boolean b) {
      return b ? Outcome.MATCH : Outcome.NO_MATCH;
    }
    failed("the result is " + (result == null ? "null" : "a " + result.getClass().getSimpleName())
        + ", not true or false");
    return Outcome.ERROR;
  }

  /**
   * Why this rule is no condition on the given events, or null when it is one: evaluating it must
   * give true or false. Each of {@code events} is the variables of one event and {@code where}
   * says which record they come from ("the newest sale.order (id 42)"). A null result is excused
   * on a record whose fields may be null, as long as the same rule gives a boolean on
   * {@code sample} (variables whose every field has a value): {@code amount_total > 5} is false
   * on a null amount, but {@code client_order_ref} gives a text once the field is set. Does not
   * count in {@link #errors()}.
   */
  public String refusal(List<Map<String, Object>> events, String where,
      Map<String, Object> sample) {
    if (expression == null) {
      return null;
    }
    boolean gaveNull = false;
    for (Map<String, Object> vars : events) {
      Object result;
      try {
        result = expression.evaluate(new Vars(vars));
      } catch (PatternSyntaxException e) {
        return "fails on " + where + ": invalid regular expression (" + e.getDescription() + ")";
      } catch (JexlException e) {
        JexlInfo at = e.getInfo();
        return "fails on " + where + (at == null ? "" : " near column " + at.getColumn())
            + ": values that cannot be compared or computed (e.g. a text and a number)";
      } catch (RegexGaveUp e) {
        return "fails on " + where + ": a regular expression gave up (it backtracks too much)";
      } catch (RuntimeException | StackOverflowError e) {
        return "fails on " + where + ": it cannot be evaluated";
      }
      if (result == null) {
        gaveNull = true;
      } else if (!(result instanceof Boolean)) {
        return "gives " + describe(result) + " on " + where + ", not true or false" + EXAMPLE;
      }
    }
    if (gaveNull && sample != null) {
      String onSample = refusal(List.of(sample), "a sample event whose fields all have a value",
          null);
      return onSample == null ? null
          : onSample.startsWith("fails") ? onSample
          : "gives nothing (null) on " + where + " and " + onSample;
    }
    return gaveNull ? "gives nothing (null) on " + where + ", not true or false" + EXAMPLE : null;
  }

  private static final String EXAMPLE =
      "; a filter must be a condition such as amount_total > 5";

  /** A rule's result in words, for an admin: its kind and (shortened) value. */
  static String describe(Object value) {
    if (value instanceof Number n) {
      return "a number (" + n + ")";
    }
    if (value instanceof CharSequence text) {
      String t = text.length() > 40 ? text.subSequence(0, 40) + "..." : text.toString();
      return "a text ('" + t + "')";
    }
    if (value instanceof Map<?, ?>) {
      return "a map";
    }
    if (value instanceof Collection<?> || value.getClass().isArray()) {
      return "a list";
    }
    return "a value that is not true or false";
  }

  public String text() {
    return text;
  }

  /**
   * How many evaluations failed or gave no boolean since this rule was compiled (shared by every
   * config with the same text); the first one is logged as a warning, later ones at FINE.
   */
  public long errors() {
    return errors.get();
  }

  @Override
  public String toString() {
    return text;
  }

  private void failed(String why) {
    Level level = errors.incrementAndGet() == 1 ? Level.WARNING : Level.FINE;
    LOG.log(level, () -> "Filter rule [" + text + "] counts as not matching: " + why);
  }

  private static JexlExpression parse(String text) {
    JexlExpression expression;
    try {
      expression = ENGINE.createExpression(new JexlInfo(FIELD, 1, 1), text);
    } catch (JexlException.Feature e) {
      throw invalid(e.getInfo(), "not allowed in a filter: " + what(e));
    } catch (JexlException.Parsing | JexlException.Tokenization e) {
      throw invalid(e.getInfo(), "syntax error near '" + e.getDetail() + "'");
    } catch (JexlException e) {
      throw invalid(e.getInfo(), what(e));
    } catch (StackOverflowError e) {
      throw new InvalidInputException(FIELD, "is nested too deeply");
    }
    new ReadOnlyCheck().debug(expression);
    return expression;
  }

  /** JEXL's message without its {@code name@line:column} prefix. */
  private static String what(JexlException e) {
    return e.getMessage().replaceFirst("^\\S*@\\d+:\\d+\\s*", "").replace(" error in ", " ");
  }

  private static InvalidInputException invalid(JexlInfo at, String message) {
    return new InvalidInputException(FIELD, at == null ? message
        : "line " + at.getLine() + ", column " + at.getColumn() + ": " + message);
  }

  /**
   * Refuses what the parser features let through but a filter has no use for: function calls other
   * than {@code size()}/{@code empty()}, template strings (evaluated late), and {@code .class}. The
   * permissions would stop them at evaluation too; this reports them when the rule is saved. Walks
   * the tree through JEXL's {@code Debugger}, the one public visitor over a compiled expression.
   */
  private static final class ReadOnlyCheck extends Debugger {

    @Override
    protected Object visit(ASTFunctionNode node, Object data) {
      throw refused(node, "function call (only size(x) and empty(x) exist)");
    }

    @Override
    protected Object visit(ASTJxltLiteral node, Object data) {
      throw refused(node, "template string `...`");
    }

    @Override
    protected Object visit(ASTIdentifierAccess node, Object data) {
      if (node.isExpression()) {
        throw refused(node, "template property access");
      }
      if ("class".equals(node.getName())) {
        throw refused(node, "'.class' (a field named class is read as x['class'])");
      }
      return super.visit(node, data);
    }

    private static InvalidInputException refused(JexlNode node, String what) {
      return invalid(new JexlInfo(FIELD, node.getLine(), node.getColumn()),
          "not allowed in a filter: " + what);
    }
  }

  /**
   * What introspection may touch, on top of JEXL's RESTRICTED set: JSON-shaped values only, and of
   * their methods only the map and list {@code get} behind {@code a.b} and {@code a[0]}. No
   * constructors, no fields, so no path leads to {@code Class}, {@code System} or
   * {@code Runtime}.
   */
  private static final class JsonOnly extends JexlPermissions.Delegate {

    JsonOnly() {
      super(JexlPermissions.RESTRICTED);
    }

    @Override
    public boolean allow(Class<?> type) {
      return type != null && json(type) && base.allow(type);
    }

    @Override
    public boolean allow(Constructor<?> ctor) {
      return false;
    }

    @Override
    public boolean allow(Field field) {
      return false;
    }

    @Override
    public boolean allow(Method method) {
      Class<?> owner = method.getDeclaringClass();
      return "get".equals(method.getName()) && method.getParameterCount() == 1
          && (Map.class.isAssignableFrom(owner) || List.class.isAssignableFrom(owner))
          && base.allow(method);
    }

    @Override
    public JexlPermissions compose(String... src) {
      throw new UnsupportedOperationException("filter permissions are fixed");
    }

    private static boolean json(Class<?> type) {
      return Map.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)
          || type == String.class || type == Boolean.class || Number.class.isAssignableFrom(type);
    }
  }

  /**
   * JEXL's non-strict arithmetic, except that a regex match ({@code x =~ 'a.*'}) gives up after
   * {@link #REGEX_BUDGET} character reads: a catastrophic pattern fails the rule instead of hanging
   * the thread that evaluates it.
   */
  private static final class BoundedArithmetic extends JexlArithmetic {

    BoundedArithmetic(boolean strict) {
      super(strict);
    }

    private BoundedArithmetic(boolean strict, MathContext context, int scale) {
      super(strict, context, scale);
    }

    @Override
    protected JexlArithmetic createWithOptions(boolean strict, MathContext context, int scale) {
      return new BoundedArithmetic(strict, context, scale);
    }

    @Override
    public Boolean contains(Object container, Object value) {
      if (value != null && (container instanceof CharSequence || container instanceof Pattern)) {
        Pattern regex = container instanceof Pattern p ? p : Pattern.compile(container.toString());
        return regex.matcher(new Budgeted(value.toString(), new int[] {REGEX_BUDGET})).matches();
      }
      return super.contains(container, value);
    }
  }

  /** A regex match that ran out of {@link #REGEX_BUDGET}. */
  private static final class RegexGaveUp extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    RegexGaveUp() {
      super("regex match gave up after " + REGEX_BUDGET + " steps");
    }
  }

  /** Text that throws once it has been read more often than the shared budget allows. */
  private record Budgeted(String text, int[] left) implements CharSequence {

    @Override
    public char charAt(int index) {
      if (--left[0] < 0) {
        throw new RegexGaveUp();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Budgeted(text.substring(start, end), left);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** The variables as a read-only context (not a MapContext, whose methods a rule might reach). */
  private record Vars(Map<String, Object> map) implements JexlContext {

    @Override
    public Object get(String name) {
      return map.get(name);
    }

    @Override
    public void set(String name, Object value) {
      throw new UnsupportedOperationException("filter rules are read-only");
    }

    @Override
    public boolean has(String name) {
      return map.containsKey(name);
    }
  }
}
