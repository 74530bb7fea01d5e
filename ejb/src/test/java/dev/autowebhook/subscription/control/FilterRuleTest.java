package dev.autowebhook.subscription.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autowebhook.platform.InvalidInputException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterRuleTest {

  static Map<String, Object> order(String state, String total) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", 42L);
    data.put("name", "SO042");
    data.put("state", state);
    data.put("amount_total", total == null ? null : new BigDecimal(total));
    data.put("partner_id", 7L);
    data.put("tags", List.of("vip", "eu"));
    Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("old", "draft");
    change.put("new", state);
    changes.put("state", change);
    return FilterRule.variables("update", "sale.order", 42L, data, changes, "high", "sales");
  }

  @Test
  void theSpecExample() {
    FilterRule cut = FilterRule.compile("state == 'sale' && amount_total > 1000");

    assertThat(cut.matches(order("sale", "1500.00"))).isTrue();
    assertThat(cut.matches(order("sale", "999.99"))).isFalse();
    assertThat(cut.matches(order("draft", "1500.00"))).isFalse();
  }

  @Test
  void numbersCompareAcrossTypesAndStringsTakeEitherQuote() {
    assertThat(FilterRule.compile("amount_total >= 1500").matches(order("sale", "1500.00")))
        .isTrue();
    assertThat(FilterRule.compile("amount_total == 1500.0").matches(order("sale", "1500.00")))
        .isTrue();
    assertThat(FilterRule.compile("state == \"sale\"").matches(order("sale", "1"))).isTrue();
    assertThat(FilterRule.compile("partner_id == 7 || partner_id == 8")
        .matches(order("sale", "1"))).isTrue();
  }

  @Test
  void missingAndNullFieldsDoNotMatch() {
    assertThat(FilterRule.compile("amount_total > 1000").matches(order("sale", null))).isFalse();
    assertThat(FilterRule.compile("no_such_field == 'x'").matches(order("sale", "1"))).isFalse();
    assertThat(FilterRule.compile("no_such_field > 3").matches(order("sale", "1"))).isFalse();
  }

  @Test
  void eventVariablesChangesAndMembership() {
    Map<String, Object> v = order("sale", "10");
    assertThat(FilterRule.compile("event == 'update' && model == 'sale.order'").matches(v))
        .isTrue();
    assertThat(FilterRule.compile("changes.state['new'] == 'sale'").matches(v)).isTrue();
    assertThat(FilterRule.compile("changes.state['old'] == 'sale'").matches(v)).isFalse();
    assertThat(FilterRule.compile("state =~ ['sale', 'done']").matches(v)).isTrue();
    assertThat(FilterRule.compile("'vip' =~ tags").matches(v)).isTrue();
    assertThat(FilterRule.compile("data.name =^ 'SO'").matches(v)).isTrue();
    assertThat(FilterRule.compile("!(priority == 'low')").matches(v)).isTrue();
  }

  @Test
  void nonBooleanResultDoesNotMatchAndBlankMatchesEverything() {
    assertThat(FilterRule.compile("amount_total").matches(order("sale", "10"))).isFalse();
    assertThat(FilterRule.compile("  ")).isSameAs(FilterRule.ALWAYS);
    assertThat(FilterRule.compile(null).matches(Map.of())).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "state = 'sale'", "state == 'sale'; true", "new('java.io.File', '/')",
      "''.getClass()", "state.getClass().forName('java.lang.Runtime')",
      "java.lang.System.exit(1)", "x -> x", "for (i : tags) { true }", "var x = 1",
      "#pragma jexl.import java.lang\ntrue", "while (true) {}", "amount_total += 1",
      "state == ", "((state == 'sale')", "@silent true"})
  void forbiddenOrBrokenRulesAreRefusedOnSave(String rule) {
    assertThatThrownBy(() -> FilterRule.compile(rule))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("filter: is not a valid rule");
  }

  @ParameterizedTest
  @ValueSource(strings = {"state.class", "state.class.name",
      "data.class.classLoader", "state.bytes", "state.empty", "tags.class.name", "data.size"})
  void javaInternalsAreUnreachable(String rule) {
    Map<String, Object> v = order("sale", "10");
    FilterRule cut;
    try {
      cut = FilterRule.compile(rule);
    } catch (InvalidInputException refused) {
      return; // refused on save is fine too
    }
    assertThat(cut.matches(v)).isFalse();
    assertThat(FilterRule.compile("(" + rule + ") == null").matches(v))
        .as("%s reads nothing", rule).isTrue();
  }

  @Test
  void aRuleCannotTellWhatJavaClassAValueHas() {
    assertThat(FilterRule.compile("state.class.name == 'java.lang.String'")
        .matches(order("sale", "1"))).isFalse();
    assertThat(FilterRule.compile("state.class.name != 'java.lang.String'")
        .matches(order("sale", "1"))).as("null != … is true: nothing was read").isTrue();
  }

  @Test
  void errorsMessageShowsWhereAndLongRulesAreRefused() {
    assertThatThrownBy(() -> FilterRule.compile("state == 'sale' &&"))
        .hasMessageContaining("@1:");
    assertThatThrownBy(() -> FilterRule.compile("a == 1 || ".repeat(300) + "true"))
        .hasMessageContaining("at most 2000");
  }

  @Test
  void compiledOnce() {
    assertThat(FilterRule.compile("state == 'cached'"))
        .isSameAs(FilterRule.compile(" state == 'cached' "));
  }
}
