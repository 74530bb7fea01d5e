package dev.autowebhook.payload.control;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Decorator;
import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Formatter;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.HandlebarsError;
import com.github.jknack.handlebars.HandlebarsException;
import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.HelperRegistry;
import com.github.jknack.handlebars.Options;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.context.MapValueResolver;
import com.github.jknack.handlebars.helper.ConditionalHelpers;
import com.github.jknack.handlebars.helper.EachHelper;
import com.github.jknack.handlebars.helper.IfHelper;
import com.github.jknack.handlebars.helper.UnlessHelper;
import com.github.jknack.handlebars.helper.WithHelper;
import com.github.jknack.handlebars.io.AbstractTemplateLoader;
import com.github.jknack.handlebars.io.TemplateSource;
import dev.autowebhook.payload.entity.PayloadTemplate;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.platform.Jsonp;
import dev.autowebhook.records.boundary.Records;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The only class that knows Handlebars: turns a payload template and an event into the request
 * body, compiling each saved template once (per id and version), and checks that templates are
 * valid before they are saved. Templates run in a sandbox: they see plain JSON-like values only,
 * never Java objects.
 *
 * <p>Variables (see {@link #variables}): {@code id} (event id, {@code evt_…}), {@code event}
 * ({@code create}|{@code update}|{@code delete}), {@code model} (e.g. {@code sale.order}),
 * {@code record_id}, {@code data} (the record snapshot), {@code changes} ({@code {field: {old,
 * new}}}, empty unless an update), {@code timestamp} (ISO-8601 UTC), {@code priority}
 * ({@code high}|{@code medium}|{@code low}), {@code category} (or null) and {@code subscriber}
 * (the receiving subscriber's name).
 *
 * <p>The output is JSON: {@code {{x}}} escapes for the inside of a JSON string (quotes,
 * backslashes, control characters; no HTML escaping), {@code {{{x}}}} writes the text raw and
 * {@code {{json x}}} writes any value as a JSON literal. Helpers: {@code if}, {@code unless},
 * {@code each}, {@code with}, {@code lookup}, {@code json} and the comparisons {@code eq},
 * {@code neq}, {@code gt}, {@code gte}, {@code lt}, {@code lte}, {@code and}, {@code or},
 * {@code not}; no partials or decorators (they could read files or recurse). Names resolve against
 * map keys only (no bean properties, methods or fields), so {@code {{data.class}}} renders
 * nothing. As in every Handlebars, a '}' right after '}}' does not parse: write
 * {@code {"data":{{json data}} }}.
 */
@ApplicationScoped
public class PayloadRenderer {

  /** Largest template body accepted, in characters (64 KiB). */
  public static final int MAX_BODY = PayloadTemplate.MAX_BODY;
  /** Largest rendered body, in characters: a loop over a big record stops here. */
  public static final int MAX_OUTPUT = 1024 * 1024;
  /** Compiled templates kept; the cache starts over when it is full. */
  static final int MAX_CACHED = 500;

  /** {@code {{*decorator}}}, {@code {{#*inline "x"}}}: nothing a payload needs. */
  private static final Pattern DECORATOR = Pattern.compile("\\{\\{~?\\s*#?\\s*\\*");

  private final Handlebars handlebars = sandboxed();
  private final Map<Key, Template> cache = new ConcurrentHashMap<>();
  private final AtomicLong compilations = new AtomicLong();

  private record Key(long id, long version) {}

  /**
   * Renders a saved template, compiling it only the first time this id and version is seen.
   *
   * @throws InvalidInputException on field {@code body} when the template cannot be compiled or
   *     rendered (a template saved through validation normally can)
   */
  public String render(long templateId, long templateVersion, String body,
      Map<String, Object> variables) {
    Key key = new Key(templateId, templateVersion);
    Template template = cache.get(key);
    if (template == null) {
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cache.keySet().removeIf(k -> k.id() == templateId && k.version() != templateVersion);
      template = cache.computeIfAbsent(key, k -> compile(body));
    }
    return apply(template, variables);
  }

  /** Renders a template that is not saved (a preview of an edit); nothing is cached. */
  public String render(String body, Map<String, Object> variables) {
    return apply(compile(body), variables);
  }

  /**
   * Checks a template before it is saved: not empty, at most {@link #MAX_BODY} characters, valid
   * Handlebars, and rendering {@code sample} (e.g. {@link #sampleVariables}) gives valid JSON.
   *
   * @return the sample output
   * @throws InvalidInputException on field {@code body}, with the line and column of a syntax error
   *     or the JSON parser's message
   */
  public String validate(String body, Map<String, Object> sample) {
    String out = render(body, sample);
    String problem = jsonProblem(out);
    if (problem != null) {
      throw new InvalidInputException("body", "does not render valid JSON for a sample "
          + sample.get("event") + " of " + sample.get("model") + ": " + problem);
    }
    return out;
  }

  /** {@link #validate(String, Map)} against a sample sales order update. */
  public String validate(String body) {
    return validate(body, sampleVariables(null, null));
  }

  /** Why {@code text} is not exactly one JSON value (the parser's message), or null when it is. */
  public static String jsonProblem(String text) {
    try (JsonParser parser = Jsonp.PROVIDER.createParser(new StringReader(text))) {
      parser.next();
      parser.getValue();
      if (parser.hasNext()) {
        parser.next();
        return "unexpected " + parser.getLocation() + " after the JSON value";
      }
      return null;
    } catch (JsonException | IllegalStateException | NoSuchElementException e) {
      return e.getMessage();
    }
  }

  /**
   * The variables a template sees for one event; values are converted to plain JSON-like values
   * (maps, lists, strings, numbers, booleans, null), so nothing else ever reaches a template.
   *
   * @param event create, update or delete
   * @param changes field to {@code {old, new}}; null for none
   */
  public static Map<String, Object> variables(String eventId, String event, String model,
      Object recordId, Map<String, ?> data, Map<String, ?> changes, OffsetDateTime timestamp,
      String priority, String category, String subscriber) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", eventId);
    v.put("event", event);
    v.put("model", model);
    v.put("record_id", plain(recordId));
    v.put("data", data == null ? Map.of() : plain(data));
    v.put("changes", changes == null ? Map.of() : plain(changes));
    v.put("timestamp", timestamp == null ? null
        : timestamp.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)
            .toString());
    v.put("priority", priority);
    v.put("category", category);
    v.put("subscriber", subscriber);
    return v;
  }

  /**
   * The variables of a stored event envelope (the default body: id, model, record_id, event,
   * timestamp, priority, category, data, changes) for one subscriber.
   */
  public static Map<String, Object> variables(JsonObject envelope, String subscriber) {
    Map<String, Object> v = new LinkedHashMap<>();
    for (String name : List.of("id", "event", "model", "record_id", "data", "changes",
        "timestamp", "priority", "category")) {
      JsonValue value = envelope.get(name);
      v.put(name, value == null ? null : plain(value));
    }
    if (v.get("data") == null) {
      v.put("data", Map.of());
    }
    if (v.get("changes") == null) {
      v.put("changes", Map.of());
    }
    v.put("subscriber", subscriber);
    return v;
  }

  /**
   * Realistic variables for checking a template: an update of a sales order with lines, or of
   * {@code model} with {@code data} when given.
   */
  public static Map<String, Object> sampleVariables(String model, Map<String, ?> data) {
    Map<String, Object> changes = new LinkedHashMap<>();
    if (data == null) {
      changes.put("state", change("draft", "sale"));
      changes.put("amount_total", change(new BigDecimal("1200.00"), new BigDecimal("1500.00")));
    }
    return variables("evt_5f0c1e9a2b7d4c8e9f0a1b2c3d4e5f60", "update",
        model == null ? "sale.order" : model, data == null ? 42L : data.get("id"),
        data == null ? Records.sampleOrder() : data, changes,
        OffsetDateTime.of(2025, 3, 14, 9, 26, 53, 0, ZoneOffset.UTC), "high", "sales",
        "Sample subscriber");
  }

  private static Map<String, Object> change(Object old, Object now) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("old", old);
    c.put("new", now);
    return c;
  }

  /** How many templates were compiled so far (the cache's misses, and unsaved bodies). */
  long compilations() {
    return compilations.get();
  }

  private Template compile(String body) {
    if (body == null || body.isBlank()) {
      throw new InvalidInputException("body", "must not be blank");
    }
    if (body.length() > MAX_BODY) {
      throw new InvalidInputException("body", "must be at most " + MAX_BODY + " characters");
    }
    Matcher decorator = DECORATOR.matcher(body);
    if (decorator.find()) {
      throw new InvalidInputException("body", position(body, decorator.start())
          + ": decorators and inline partials are not supported");
    }
    compilations.incrementAndGet();
    try {
      return handlebars.compileInline(body);
    } catch (HandlebarsException e) {
      throw new InvalidInputException("body", describe(e));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new InvalidInputException("body", "is not a valid template: " + e.getMessage());
    } catch (StackOverflowError e) {
      throw tooDeep();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String apply(Template template, Map<String, Object> variables) {
    Context context = Context.newBuilder(variables == null ? Map.of() : variables)
        .resolver(MapValueResolver.INSTANCE).build();
    Output out = new Output(MAX_OUTPUT);
    try {
      template.apply(context, out);
      return out.toString();
    } catch (HandlebarsException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof OutputTooLarge) {
          throw tooLarge();
        }
      }
      throw new InvalidInputException("body", describe(e));
    } catch (OutputTooLarge e) {
      throw tooLarge();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new InvalidInputException("body", "cannot be rendered: " + e.getMessage());
    } catch (StackOverflowError e) {
      throw tooDeep();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      context.destroy();
    }
  }

  /** "line 2, column 5" of a character index, both counted from 1. */
  static String position(String text, int index) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return "line " + line + ", column " + (index - lineStart + 1);
  }

  private static InvalidInputException tooDeep() {
    return new InvalidInputException("body", "is nested too deeply");
  }

  private static InvalidInputException tooLarge() {
    return new InvalidInputException("body", "renders more than " + MAX_OUTPUT + " characters");
  }

  /** "line 3, column 7: reason" from a Handlebars error, without the file name and evidence. */
  static String describe(HandlebarsException e) {
    HandlebarsError error = e.getError();
    if (error == null) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      return String.valueOf(cause.getMessage());
    }
    String reason = error.reason == null ? "" : error.reason.strip();
    int nl = reason.indexOf('\n');
    if (nl > 0) {
      reason = reason.substring(0, nl).strip();
    }
    reason = reason.replaceFirst("^java\\.lang\\.\\w+Exception: ", "");
    if (reason.startsWith("found: '}}}")) {
      reason += " (a '}' right after '}}' is read as part of it: put a space in between, as in"
          + " '{{json data}} }')";
    }
    return "line " + error.line + ", column " + error.column + ": " + reason;
  }

  // ----- the sandbox -----------------------------------------------------------------------

  private static Handlebars sandboxed() {
    Handlebars hb = new Handlebars(new NoPartials())
        .with(new Helpers())
        .with((EscapingStrategy) PayloadRenderer::escapeJsonString)
        .with((Formatter) (value, next) ->
            value instanceof Map<?, ?> || value instanceof Iterable<?> ? toJson(value).toString()
                : isPlain(value) ? next.format(value) : "")
        .infiniteLoops(false)
        .prettyPrint(false);
    hb.registerHelper("json", (Helper<Object>) (value, options) ->
        new Handlebars.SafeString(toJson(value).toString()));
    return hb;
  }

  private static boolean isPlain(Object value) {
    return value == null || value instanceof CharSequence || value instanceof Number
        || value instanceof Boolean;
  }

  /** Escapes text for the inside of a JSON string literal (RFC 8259 section 7). */
  static CharSequence escapeJsonString(CharSequence s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String replacement = switch (c) {
        case '"' -> "\\\"";
        case '\\' -> "\\\\";
        case '\n' -> "\\n";
        case '\r' -> "\\r";
        case '\t' -> "\\t";
        case '\b' -> "\\b";
        case '\f' -> "\\f";
        default -> c < 0x20 || c == '\u2028' || c == '\u2029'
            ? String.format("\\u%04x", (int) c) : null;
      };
      if (replacement != null && sb == null) {
        sb = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (sb != null) {
        if (replacement != null) {
          sb.append(replacement);
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? s : sb;
  }

  /** Any plain value as JSON; anything else (a Java object) becomes null. */
  static JsonValue toJson(Object v) {
    if (v == null) {
      return JsonValue.NULL;
    }
    if (v instanceof JsonValue j) {
      return j;
    }
    if (v instanceof CharSequence s) {
      return Jsonp.PROVIDER.createValue(s.toString());
    }
    if (v instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return Jsonp.PROVIDER.createValue(((Number) v).longValue());
    }
    if (v instanceof BigDecimal d) {
      return Jsonp.PROVIDER.createValue(d);
    }
    if (v instanceof BigInteger i) {
      return Jsonp.PROVIDER.createValue(i);
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return Double.isFinite(d) ? Jsonp.PROVIDER.createValue(d) : JsonValue.NULL;
    }
    if (v instanceof Map<?, ?> m) {
      JsonObjectBuilder b = Jsonp.PROVIDER.createObjectBuilder();
      m.forEach((k, value) -> b.add(String.valueOf(k), toJson(value)));
      return b.build();
    }
    if (v instanceof Iterable<?> list) {
      JsonArrayBuilder b = Jsonp.PROVIDER.createArrayBuilder();
      list.forEach(value -> b.add(toJson(value)));
      return b.build();
    }
    return JsonValue.NULL;
  }

  /**
   * A plain copy of a value: maps, lists, strings, numbers, booleans and null stay (copied);
   * JSON values are unwrapped; dates and enums become strings; other objects become null.
   */
  static Object plain(Object v) {
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof BigDecimal
        || v instanceof Long || v instanceof Integer || v instanceof BigInteger
        || v instanceof Short || v instanceof Byte) {
      return v;
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }
    if (v instanceof JsonValue j) {
      return switch (j.getValueType()) {
        case NULL -> null;
        case TRUE -> Boolean.TRUE;
        case FALSE -> Boolean.FALSE;
        case STRING -> ((JsonString) j).getString();
        case NUMBER -> ((JsonNumber) j).isIntegral() ? (Object) ((JsonNumber) j).longValue()
            : ((JsonNumber) j).bigDecimalValue();
        case ARRAY -> plainList(j.asJsonArray());
        case OBJECT -> plainMap(j.asJsonObject());
      };
    }
    if (v instanceof Map<?, ?> m) {
      return plainMap(m);
    }
    if (v instanceof Iterable<?> list) {
      return plainList(list);
    }
    if (v instanceof CharSequence || v instanceof TemporalAccessor) {
      return v.toString();
    }
    if (v instanceof Enum<?> e) {
      return e.name().toLowerCase(java.util.Locale.ROOT);
    }
    return null;
  }

  private static Map<String, Object> plainMap(Map<?, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, value) -> out.put(String.valueOf(k), plain(value)));
    return out;
  }

  private static List<Object> plainList(Iterable<?> list) {
    List<Object> out = new ArrayList<>();
    list.forEach(value -> out.add(plain(value)));
    return out;
  }

  /** {@code {{lookup map "key"}}}, {@code {{lookup list 0}}}: a key or an index, else null. */
  static Object lookup(Object container, Options options) {
    Object key = options.params.length == 0 ? null : options.params[0];
    if (container instanceof Map<?, ?> m && key != null) {
      return m.get(String.valueOf(key));
    }
    if (container instanceof List<?> list && key != null) {
      try {
        int i = new BigDecimal(String.valueOf(key)).intValueExact();
        return i >= 0 && i < list.size() ? list.get(i) : null;
      } catch (ArithmeticException | NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** Partials are never loaded, from files or anywhere else. */
  private static final class NoPartials extends AbstractTemplateLoader {
    @Override
    public TemplateSource sourceAt(String location) throws IOException {
      throw new IOException("partials are not supported");
    }
  }

  /** The helpers templates may call, and nothing that reads files, logs or runs scripts. */
  private static final class Helpers implements HelperRegistry {

    private final Map<String, Helper<?>> helpers = new ConcurrentHashMap<>();
    private final Map<String, Decorator> decorators = new ConcurrentHashMap<>();

    Helpers() {
      helpers.put("if", IfHelper.INSTANCE);
      helpers.put("unless", UnlessHelper.INSTANCE);
      helpers.put("each", EachHelper.INSTANCE);
      helpers.put("with", WithHelper.INSTANCE);
      helpers.put("lookup", (Helper<Object>) PayloadRenderer::lookup);
      for (ConditionalHelpers h : ConditionalHelpers.values()) {
        helpers.put(h.name(), h);
      }
    }

    @SuppressWarnings("unchecked")
    @Override
    public <C> Helper<C> helper(String name) {
      return (Helper<C>) helpers.get(name);
    }

    @Override
    public Set<Map.Entry<String, Helper<?>>> helpers() {
      return helpers.entrySet();
    }

    @Override
    public <H> HelperRegistry registerHelper(String name, Helper<H> helper) {
      helpers.put(name, helper);
      return this;
    }

    @Override
    public <H> HelperRegistry registerHelperMissing(Helper<H> helper) {
      return registerHelper(HELPER_MISSING, helper);
    }

    @Override
    public HelperRegistry registerHelpers(Object helperSource) {
      throw new UnsupportedOperationException();
    }

    @Override
    public HelperRegistry registerHelpers(Class<?> helperSource) {
      throw new UnsupportedOperationException();
    }

    @Override
    public HelperRegistry registerHelpers(URI location) {
      throw new UnsupportedOperationException();
    }

    @Override
    public HelperRegistry registerHelpers(File input) {
      throw new UnsupportedOperationException();
    }

    @Override
    public HelperRegistry registerHelpers(String filename, Reader source) {
      throw new UnsupportedOperationException();
    }

    @Override
    public HelperRegistry registerHelpers(String filename, InputStream source) {
      throw new UnsupportedOperationException();
    }

    @Override
    public HelperRegistry registerHelpers(String filename, String source) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Decorator decorator(String name) {
      return decorators.get(name);
    }

    @Override
    public HelperRegistry registerDecorator(String name, Decorator decorator) {
      decorators.put(name, decorator);
      return this;
    }

    @Override
    public HelperRegistry setCharset(Charset charset) {
      return this;
    }
  }

  /** Collects the output and stops a render that grows beyond the limit. */
  private static final class Output extends Writer {

    private final StringBuilder sb = new StringBuilder(256);
    private final int limit;

    Output(int limit) {
      this.limit = limit;
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
      check(len);
      sb.append(cbuf, off, len);
    }

    @Override
    public void write(String str, int off, int len) {
      check(len);
      sb.append(str, off, off + len);
    }

    @Override
    public Writer append(CharSequence csq) {
      CharSequence s = csq == null ? "null" : csq;
      check(s.length());
      sb.append(s);
      return this;
    }

    private void check(int more) {
      if (sb.length() + more > limit) {
        throw new OutputTooLarge();
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return sb.toString();
    }
  }

  private static final class OutputTooLarge extends RuntimeException {
    OutputTooLarge() {
      super(null, null, false, false);
    }
  }
}
