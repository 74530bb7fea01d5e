package dev.autowebhook.subscription.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.autowebhook.platform.InvalidInputException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterRuleTest {

  private static Map<String, Object> order(String state, Object amount) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", 7L);
    data.put("name", "SO007");
    data.put("state", state);
    data.put("amount_total", amount);
    data.put("partner_id", 42);
    data.put("note", null);
    data.put("tags", List.of("vip", "b2b"));
    data.put("partner", Map.of("name", "Acme", "country", Map.of("code", "BE")));
    return data;
  }

  private static Map<String, Object> vars(Map<String, Object> data) {
    return FilterRule.variables("update", "sale.order", 7L, data,
        Map.of("state", Map.of("old", "draft", "new", "sale")), "high", "sales");
  }

  private static Map<String, Object> sale() {
    return vars(order("sale", new BigDecimal("1500.00")));
  }

  private static boolean matches(String rule, Map<String, Object> vars) {
    return FilterRule.compile(rule).matches(vars);
  }

  @Test
  void specExampleMatchesOnlyBigSales() {
    FilterRule cut = FilterRule.compile("state == 'sale' && amount_total > 1000");

    assertThat(cut.matches(sale())).isTrue();
    assertThat(cut.matches(vars(order("draft", new BigDecimal("1500.00"))))).isFalse();
    assertThat(cut.matches(vars(order("sale", new BigDecimal("999.99"))))).isFalse();
    assertThat(cut.text()).isEqualTo("state == 'sale' && amount_total > 1000");
    assertThat(cut.errors()).isZero();
  }

  @Test
  void bigDecimalComparesWithIntegerAndDecimalLiterals() {
    assertThat(matches("amount_total > 1000", sale())).isTrue();
    assertThat(matches("amount_total == 1500", sale())).isTrue();
    assertThat(matches("amount_total == 1500.0", sale())).isTrue();
    assertThat(matches("amount_total >= 1500.01", sale())).isFalse();
    assertThat(matches("amount_total < 1000", sale())).isFalse();
    assertThat(matches("amount_total > 1000", vars(order("sale", 1500L)))).isTrue();
    assertThat(matches("amount_total > 1000", vars(order("sale", 1500.5d)))).isTrue();
    assertThat(matches("amount_total > 999999999999999999999", sale())).isFalse();
  }

  @Test
  void stringsCompareWithEitherQuote() {
    assertThat(matches("state == \"sale\"", sale())).isTrue();
    assertThat(matches("state != 'sale'", sale())).isFalse();
    assertThat(matches("state eq 'sale' and partner_id == 42", sale())).isTrue();
  }

  @Test
  void membershipAndPrefix() {
    assertThat(matches("state =~ ['sale', 'done']", sale())).isTrue();
    assertThat(matches("state !~ ['sale', 'done']", sale())).isFalse();
    assertThat(matches("state =~ ['draft', 'cancel']", sale())).isFalse();
    assertThat(matches("'vip' =~ tags", sale())).isTrue();
    assertThat(matches("state =^ 'sa'", sale())).isTrue();
    assertThat(matches("size(tags) == 2 && !empty(name)", sale())).isTrue();
  }

  @Test
  void regexMatchesAreBounded() {
    assertThat(matches("name =~ 'SO0+7'", sale())).isTrue();
    assertThat(matches("name !~ 'SO0+7'", sale())).isFalse();
    assertThat(matches("name =~ '[unclosed'", sale())).isFalse();
    Map<String, Object> data = new HashMap<>(Map.of("name", "a".repeat(40) + "!"));
    FilterRule cut = FilterRule.compile("name =~ '((a+)+)+b'"); // hours without a bound

    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThat(cut.matches(vars(data)))
        .isFalse());
    assertThat(cut.errors()).isEqualTo(1);
  }

  @Test
  void nestedMapsAndListsAreReadable() {
    assertThat(matches("partner.country.code == 'BE'", sale())).isTrue();
    assertThat(matches("partner['name'] == 'Acme'", sale())).isTrue();
    assertThat(matches("tags[0] == 'vip' && tags.1 == 'b2b'", sale())).isTrue();
    assertThat(matches("data.state == 'sale' && data['amount_total'] > 1000", sale())).isTrue();
    Map<String, Object> data = new HashMap<>(Map.of("lines", List.of(Map.of("qty", 3))));
    assertThat(matches("lines[0].qty == 3", vars(data))).isTrue();
  }

  @Test
  void nullAndMissingFieldsCompareFalseWithoutErrors() {
    FilterRule cut = FilterRule.compile("missing > 1000 || missing < 1000 || note >= 0"
        + " || missing == 'x' || partner.nothing.deeper == 'x' || changes.name.new == 'x'");

    assertThat(cut.matches(sale())).isFalse();
    assertThat(cut.errors()).isZero();
    assertThat(matches("note == null && missing == null", sale())).isTrue();
    assertThat(matches("amount_total > 1000", vars(order("sale", null)))).isFalse();
    assertThat(matches("amount_total < 1000", vars(order("sale", null)))).isFalse();
    assertThat(matches("state == 'sale'", FilterRule.variables("delete", "sale.order", 7L, null,
        null, "low", null))).isFalse();
    assertThat(matches("state == 'sale'", null)).isFalse();
  }

  @Test
  void changesCarryOldAndNewValues() {
    assertThat(matches("changes.state.new == 'sale'", sale())).isTrue();
    assertThat(matches("changes.state.old == 'draft' && changes.state['new'] == 'sale'", sale()))
        .isTrue();
    assertThat(matches("changes.state.new == 'done'", sale())).isFalse();
  }

  @Test
  void eventAndConfigVariablesWinOverSameNamedFields() {
    Map<String, Object> data = order("sale", BigDecimal.TEN);
    data.put("model", "shadowed");
    data.put("event", "shadowed");
    Map<String, Object> vars = vars(data);

    assertThat(matches("event == 'update' && model == 'sale.order'", vars)).isTrue();
    assertThat(matches("record_id == 7 && priority == 'high' && category == 'sales'", vars))
        .isTrue();
    assertThat(matches("data.model == 'shadowed'", vars)).isTrue();
    assertThat(FilterRule.RESERVED).contains("data", "changes", "event", "model", "record_id",
        "priority", "category");
  }

  @Test
  void blankRuleMatchesEverything() {
    assertThat(FilterRule.compile(null)).isSameAs(FilterRule.ALWAYS);
    assertThat(FilterRule.compile("  \n")).isSameAs(FilterRule.ALWAYS);
    assertThat(FilterRule.ALWAYS.matches(Map.of())).isTrue();
    assertThat(FilterRule.ALWAYS.matches(null)).isTrue();
    assertThat(FilterRule.ALWAYS.text()).isEmpty();
  }

  @Test
  void compiledRulesAreCachedByText() {
    assertThat(FilterRule.compile("partner_id == 42"))
        .isSameAs(FilterRule.compile("partner_id == 42"));
  }

  @Test
  void nonBooleanResultsAreFalseAndCounted() {
    FilterRule cut = FilterRule.compile("name + '-x'");

    assertThat(cut.matches(sale())).isFalse();
    assertThat(cut.matches(sale())).isFalse();
    assertThat(cut.errors()).isEqualTo(2);
    assertThat(matches("state > 1", sale())).isFalse();
  }

  // ---- the check on save: a rule must be a condition

  private static final String WHERE = "the newest sale.order (id 7)";

  /** What saving the rule says, checked as a create and an update of the order. */
  private static String refusal(String rule, Map<String, Object> sample) {
    Map<String, Object> data = order("sale", new BigDecimal("1500.00"));
    return FilterRule.compile(rule).refusal(List.of(
        FilterRule.variables("create", "sale.order", 7L, data, Map.of(), "high", "sales"),
        vars(data)), WHERE, sample);
  }

  private static String refusal(String rule) {
    return refusal(rule, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"state == 'sale' && amount_total > 1000", "amount_total > 5",
      "total_amount > 500", "state == 'approved' && total_amount > 500",
      "changes.state['new'] == 'sale'", "changes.state.old == 'draft'", "state =~ ['sale', 'done']",
      "state !~ ['sale', 'done']", "'vip' =~ tags", "state =^ 'sa'", "name =~ 'SO0+7'",
      "size(tags) == 2 && !empty(name)", "partner.country.code == 'BE'", "tags[0] == 'vip'",
      "note == null && missing == null", "missing > 1000 || note >= 0",
      "state eq 'sale' and partner_id == 42", "!(state == 'draft')", "event == 'update'",
      "record_id == 7 && priority == 'high' && category == 'sales'", "true", "false"})
  void conditionsAreAccepted(String rule) {
    assertThat(refusal(rule)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"amount_total >>> 5", "amount_total", "1 + 2", "partner_id",
      "amount_total * 2"})
  void aNumberIsRefusedAndShown(String rule) {
    assertThat(refusal(rule)).startsWith("gives a number (").contains(WHERE)
        .endsWith("not true or false; a filter must be a condition such as amount_total > 5");
  }

  @Test
  void otherValuesAreRefusedSayingWhatTheyAre() {
    assertThat(refusal("'x'")).startsWith("gives a text ('x') on " + WHERE);
    assertThat(refusal("state")).startsWith("gives a text ('sale') on " + WHERE);
    assertThat(refusal("'" + "y".repeat(100) + "'")).contains("'" + "y".repeat(40) + "...'");
    assertThat(refusal("[1, 2]")).startsWith("gives a list on " + WHERE);
    assertThat(refusal("tags")).startsWith("gives a list on " + WHERE);
    assertThat(refusal("{}")).startsWith("gives a list on " + WHERE);
    assertThat(refusal("{'a': 1}")).startsWith("gives a map on " + WHERE);
    assertThat(refusal("partner")).startsWith("gives a map on " + WHERE);
    assertThat(refusal("null")).startsWith("gives nothing (null) on " + WHERE);
    assertThat(refusal("changes.state.new")).startsWith("gives a text ('sale') on " + WHERE);
  }

  @Test
  void aRuleThatFailsOnTheRecordIsRefusedSayingWhereWithoutJavaDetails() {
    assertThat(refusal("name =~ '[unclosed'")).isEqualTo("fails on " + WHERE
        + ": invalid regular expression (Unclosed character class)");
    assertThat(refusal("state > 1")).isEqualTo("fails on " + WHERE + " near column 9: values"
        + " that cannot be compared or computed (e.g. a text and a number)");
    Map<String, Object> data = new HashMap<>(Map.of("name", "a".repeat(40) + "!"));
    assertThat(FilterRule.compile("name =~ '((a+)+)+b'").refusal(List.of(vars(data)), WHERE,
        null)).isEqualTo("fails on " + WHERE
        + ": a regular expression gave up (it backtracks too much)");
  }

  @Test
  void aNullFromAnEmptyFieldIsExcusedWhenTheSampleGivesABoolean() {
    Map<String, Object> sample = order("sale", BigDecimal.ONE);
    sample.put("note", "Call first");
    sample.put("flag", true);

    assertThat(refusal("flag", sample)).as("a boolean field, null on this record").isNull();
    assertThat(refusal("flag")).as("no sample to excuse it").startsWith("gives nothing (null)");
    assertThat(refusal("note", sample)).isEqualTo("gives nothing (null) on " + WHERE + " and"
        + " gives a text ('Call first') on a sample event whose fields all have a value, not true"
        + " or false; a filter must be a condition such as amount_total > 5");
  }

  @Test
  void theCheckCountsNoErrorAndAnEmptyRuleNeedsNone() {
    FilterRule cut = FilterRule.compile("amount_total + 1");
    assertThat(cut.refusal(List.of(sale()), WHERE, null)).isNotNull();
    assertThat(cut.errors()).isZero();
    assertThat(FilterRule.ALWAYS.refusal(List.of(sale()), WHERE, null)).isNull();
  }

  @Test
  void testTellsAFalseFromAnError() {
    assertThat(FilterRule.compile("state == 'sale'").test(sale())).isEqualTo(
        FilterRule.Outcome.MATCH);
    assertThat(FilterRule.compile("state == 'draft'").test(sale())).isEqualTo(
        FilterRule.Outcome.NO_MATCH);
    assertThat(FilterRule.compile("amount_total >>> 5").test(sale())).isEqualTo(
        FilterRule.Outcome.ERROR);
    assertThat(FilterRule.ALWAYS.test(null)).isEqualTo(FilterRule.Outcome.MATCH);
  }

  @Test
  void syntaxErrorNamesTheField() {
    assertThatThrownBy(() -> FilterRule.compile("state == 'sale' &&"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("filter");
            assertThat(v.message()).isEqualTo("line 1, column 17: syntax error near '&&'");
          });
        });
    assertThatThrownBy(() -> FilterRule.compile("state == 'sale' &&\n  amount ==="))
        .hasMessageContaining("line 2, column");
    assertThatThrownBy(() -> FilterRule.compile("state == 'sale"))
        .hasMessageContaining("line 1, column").hasMessageContaining("syntax error");
  }

  @Test
  void tooLongOrTooDeepIsRefused() {
    assertThatThrownBy(() -> FilterRule.compile("x == 1 || ".repeat(200) + "x == 2"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("2000 characters");
    assertThatThrownBy(() -> FilterRule.compile("(".repeat(990) + "1" + ")".repeat(990)))
        .isInstanceOf(InvalidInputException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "x = 1",
      "state = 'sale'",
      "data.state = 'done'",
      "amount_total += 1",
      "x++",
      "new('java.io.File', '/')",
      "new(java.io.File, '/') == null",
      "state.getClass()",
      "''.getClass()",
      "state.class",
      "(state).class.name == 'java.lang.String'",
      "state.class.forName('java.lang.Runtime')",
      "java.lang.System.exit(1)",
      "java.lang.Runtime.getRuntime().exec('touch /tmp/pwned')",
      "tags.clear()",
      "x -> x",
      "(x) -> { x }",
      "function(x) { x }",
      "for (t : tags) true",
      "while (true) 1",
      "var x = 1",
      "1; 2",
      "true; java.lang.System.exit(1)",
      "if (true) 1",
      "#pragma jexl.import java.lang\n true",
      "@synchronized(x) true",
      "exit(1)",
      "math:abs(-1) == 1",
      "`${state.getClass()}` == 'x'",
      "`${state}` == 'sale'",
  })
  void forbiddenConstructsAreRefusedAtCompileTime(String rule) {
    assertThatThrownBy(() -> FilterRule.compile(rule))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("filter: line ");
  }

  @Test
  void refusalSaysWhatAndWhere() {
    assertThatThrownBy(() -> FilterRule.compile("state.getClass()"))
        .hasMessage("filter: line 1, column 6: not allowed in a filter: "
            + "method call '.getClass(...)'");
    assertThatThrownBy(() -> FilterRule.compile("state == 'x' || state.class"))
        .hasMessageContaining("column").hasMessageContaining("'.class'");
  }

  /** Belt and braces: what compiles must still not reach Java through introspection. */
  @Test
  void evaluationSeesNoJavaBeyondTheData() {
    assertThat(matches("data['class'] == null && state['class'] == null", sale())).isTrue();
    assertThat(matches("state['class'] != null", sale())).isFalse();
    assertThat(matches("state['bytes'] != null || state['empty'] != null", sale())).isFalse();
    assertThat(matches("amount_total['class'] != null || tags['class'] != null", sale()))
        .isFalse();
    assertThat(matches("java.lang.System == null && Runtime == null", sale())).isTrue();
    assertThat(matches("size(state) == 4", sale())).isTrue();
  }

  @Test
  void evaluationCannotChangeTheVariables() {
    Map<String, Object> data = new HashMap<>(order("sale", BigDecimal.ONE));
    Map<String, Object> vars = vars(data);

    assertThat(matches("tags['clear'] == null && data['put'] == null", vars)).isTrue();
    assertThat(data).containsEntry("state", "sale").hasSize(8);
  }
}
