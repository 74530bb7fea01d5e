package dev.autowebhook.payload.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.platform.Jsonp;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadRendererTest {

  private final PayloadRenderer cut = new PayloadRenderer();

  private static Map<String, Object> order(String name, String note) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("description", "Widget");
    line.put("quantity", 2L);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", 7L);
    data.put("name", name);
    data.put("note", note);
    data.put("amount_total", new BigDecimal("240.00"));
    data.put("active", true);
    data.put("origin", null);
    data.put("lines", List.of(line));
    return data;
  }

  private static Map<String, Object> vars(Map<String, Object> data) {
    return PayloadRenderer.variables("evt_1", "update", "sale.order", "7", data,
        Map.of("state", Map.of("old", "draft", "new", "sale")),
        OffsetDateTime.of(2025, 1, 2, 3, 4, 5, 678_900_000, ZoneOffset.ofHours(2)), "high",
        "sales", "Shop");
  }

  private static JsonObject json(String text) {
    return Jsonp.PROVIDER.createReader(new StringReader(text)).readObject();
  }

  private String render(String body) {
    return cut.render(body, vars(order("S1", "plain")));
  }

  @Test
  void everyVariableRenders() {
    String out = render("{{id}}|{{event}}|{{model}}|{{record_id}}|{{data.name}}|"
        + "{{changes.state.old}}>{{changes.state.new}}|{{timestamp}}|{{priority}}|{{category}}|"
        + "{{subscriber}}");
    assertThat(out).isEqualTo("evt_1|update|sale.order|7|S1|draft>sale|"
        + "2025-01-02T01:04:05.678Z|high|sales|Shop");
  }

  @Test
  void variablesOfAStoredEnvelopeAreTheEnvelopeFieldsAndTheSubscriber() {
    JsonObject envelope = json("{\"id\":\"evt_9\",\"model\":\"res.partner\",\"record_id\":5,"
        + "\"event\":\"create\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"priority\":\"low\","
        + "\"category\":null,\"data\":{\"name\":\"Ana\",\"credit\":1.5},\"changes\":{}}");
    Map<String, Object> v = PayloadRenderer.variables(envelope, "CRM");
    assertThat(v).containsEntry("record_id", 5L).containsEntry("subscriber", "CRM")
        .containsEntry("category", null).containsEntry("data",
            Map.of("name", "Ana", "credit", new BigDecimal("1.5")));
    assertThat(cut.render("{{json this}}", v)).isEqualTo("{\"id\":\"evt_9\",\"event\":\"create\","
        + "\"model\":\"res.partner\",\"record_id\":5,\"data\":{\"name\":\"Ana\",\"credit\":1.5},"
        + "\"changes\":{},\"timestamp\":\"2025-01-01T00:00:00Z\",\"priority\":\"low\","
        + "\"category\":null,\"subscriber\":\"CRM\"}");
  }

  @Test
  void doubleBracesEscapeForAJsonString() {
    String note = "say \"hi\"\\ now\nnext\tline\u0001 <b>&amp;</b> é";
    String out = cut.render("{\"note\":\"{{data.note}}\"}", vars(order("S1", note)));
    assertThat(out).isEqualTo("{\"note\":\"say \\\"hi\\\"\\\\ now\\nnext\\tline\\u0001"
        + " <b>&amp;</b> é\"}");
    assertThat(json(out).getString("note")).isEqualTo(note);
  }

  @Test
  void tripleBracesWriteRaw() {
    assertThat(cut.render("{{{data.note}}}", vars(order("S1", "a \"b\" <c>"))))
        .isEqualTo("a \"b\" <c>");
  }

  @Test
  void jsonHelperWritesAnyValueAsALiteral() {
    Map<String, Object> v = vars(order("S \"1\"", "x\ny"));
    JsonObject out = json(cut.render("{\"data\":{{json data}},\"name\":{{json data.name}},"
        + "\"total\":{{json data.amount_total}},\"active\":{{json data.active}},"
        + "\"origin\":{{json data.origin}},\"missing\":{{json data.nothing}},"
        + "\"lines\":{{json data.lines}},\"changes\":{{json changes}} }", v));
    assertThat(out.getJsonObject("data").getString("name")).isEqualTo("S \"1\"");
    assertThat(out.getJsonObject("data").getString("note")).isEqualTo("x\ny");
    assertThat(out.getJsonObject("data").getJsonArray("lines")).hasSize(1);
    assertThat(out.getString("name")).isEqualTo("S \"1\"");
    assertThat(out.getJsonNumber("total").bigDecimalValue()).isEqualByComparingTo("240.00");
    assertThat(out.getBoolean("active")).isTrue();
    assertThat(out.isNull("origin")).isTrue();
    assertThat(out.isNull("missing")).isTrue();
    assertThat(out.getJsonArray("lines").getJsonObject(0).getString("description"))
        .isEqualTo("Widget");
    assertThat(out.getJsonObject("changes").getJsonObject("state").getString("new"))
        .isEqualTo("sale");
  }

  @Test
  void mapsAndListsRenderAsJsonText() {
    assertThat(render("{{{data.lines}}}"))
        .isEqualTo("[{\"description\":\"Widget\",\"quantity\":2}]");
  }

  @Test
  void blockHelpersWork() {
    String out = render("[{{#each data.lines}}{{#if @index}},{{/if}}"
        + "{\"d\":\"{{description}}\",\"q\":{{quantity}},\"order\":\"{{../data.name}}\"}"
        + "{{/each}}]{{#with data}}{{name}}{{/with}}{{#unless data.origin}}-no-origin{{/unless}}"
        + "{{#if (eq event \"update\")}}!{{/if}}{{lookup data \"name\"}}");
    assertThat(out).isEqualTo("[{\"d\":\"Widget\",\"q\":2,\"order\":\"S1\"}]S1-no-origin!S1");
  }

  @Test
  void deepNestingIsRefused() {
    int depth = PayloadRenderer.MAX_BODY / 20;
    String body = "{{#if data}}".repeat(depth) + "{}" + "{{/if}}".repeat(depth);
    assertThatThrownBy(() -> cut.validate(body)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("body: ");
  }

  @Test
  void validTemplatePassesValidationAndReturnsTheSampleOutput() {
    String out = cut.validate("{\"order\":\"{{data.name}}\",\"note\":\"{{data.note}}\","
        + "\"total\":{{data.amount_total}},\"lines\":[{{#each data.lines}}{{#unless @first}},"
        + "{{/unless}}{{json this}}{{/each}}],\"changes\":{{json changes}}\n}");
    assertThat(json(out).getString("order")).isEqualTo("S00042");
    assertThat(json(out).getJsonArray("lines")).hasSize(2);
  }

  @Test
  void syntaxErrorReportsLineAndColumn() {
    assertThatThrownBy(() -> cut.validate(
        "{\n  \"a\": \"{{data.name}}\",\n  \"b\": \"{{#if x}}\"\n}"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> {
          InvalidInputException i = (InvalidInputException) e;
          assertThat(i.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("body");
            assertThat(v.message()).matches("line \\d+, column \\d+: .+");
          });
        });
    assertThatThrownBy(() -> cut.validate("{\"a\":\n\n  \"{{data.name}\"}"))
        .hasMessageStartingWith("body: line 3, column ");
  }

  @Test
  void closingBracesRightAfterAnExpressionGetAHint() {
    assertThatThrownBy(() -> cut.validate("{\"data\":{{json data}}}"))
        .hasMessageStartingWith("body: line 1, column ")
        .hasMessageContaining("put a space in between");
    assertThatThrownBy(() -> cut.validate("{\"data\":{{{json data}}}}"))
        .hasMessageContaining("put a space in between");
  }

  @Test
  void outputThatIsNotJsonIsRejectedWithTheParserMessage() {
    assertThatThrownBy(() -> cut.validate("{\"name\": {{data.name}} }"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("body: does not render valid JSON")
        .hasMessageContaining("line");
    assertThatThrownBy(() -> cut.validate("{\"note\": \"{{{data.note}}}\"}"))
        .hasMessageContaining("does not render valid JSON");
    assertThatThrownBy(() -> cut.validate("{\"a\":1} trailing"))
        .hasMessageContaining("does not render valid JSON");
    assertThatThrownBy(() -> cut.validate("{{#if nothing}}{}{{/if}}"))
        .hasMessageContaining("does not render valid JSON");
  }

  @Test
  void emptyAndOversizeBodiesAreRejected() {
    assertThatThrownBy(() -> cut.validate("  ")).isInstanceOf(InvalidInputException.class)
        .hasMessage("body: must not be blank");
    assertThatThrownBy(() -> cut.validate(null)).isInstanceOf(InvalidInputException.class);
    String big = "{\"a\":\"" + "x".repeat(PayloadRenderer.MAX_BODY) + "\"}";
    assertThatThrownBy(() -> cut.validate(big)).isInstanceOf(InvalidInputException.class)
        .hasMessage("body: must be at most 65536 characters");
  }

  @Test
  void hugeOutputIsStopped() {
    String body = "{{#each data.lines}}" + "{{../data.note}}".repeat(1000) + "{{/each}}";
    Map<String, Object> v = vars(order("S1", "n".repeat(2000)));
    assertThatThrownBy(() -> cut.render(body, v)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("renders more than");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{{data.class}}", "{{getClass}}", "{{class}}", "{{this.class}}",
      "{{this.class.classLoader}}", "{{data.class.name}}", "{{data.name.class}}",
      "{{data.name.bytes}}", "{{data.name.length}}", "{{data.name.empty}}",
      "{{data.lines.size}}", "{{data.lines.class}}", "{{data.lines.[0].class}}",
      "{{data.amount_total.scale}}", "{{data.hashCode}}", "{{data.keySet}}", "{{data.empty}}",
      "{{data.entrySet}}", "{{changes.state.getClass}}", "{{#with data.name}}{{bytes}}{{/with}}",
      "{{#each data.lines}}{{class}}{{getClass}}{{/each}}", "{{#each data.name}}{{this}}{{/each}}",
      "{{lookup data \"class\"}}", "{{lookup data.name \"class\"}}", "{{@root.class}}",
      "{{json data.class}}", "{{json data.name.class}}"})
  void templatesCannotReachJavaObjects(String probe) {
    String out = render(probe);
    assertThat(out).as(probe).isIn("", "null");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{{embedded \"x\"}}", "{{i18n \"x\"}}", "{{precompile \"x\"}}",
      "{{log \"x\"}}", "{{capitalize data.name}}", "{{#block \"x\"}}{{/block}}",
      "{{#partial \"x\"}}{{/partial}}"})
  void unsafeOrUnknownHelpersAreUnavailable(String probe) {
    assertThatThrownBy(() -> render(probe)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("body: ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{{> x}}", "{{> ../../../etc/passwd}}", "{{> /etc/passwd}}",
      "{{> (lookup data \"name\")}}", "{{#> layout}}fallback{{/layout}}",
      "{{#*inline \"a\"}}{{> a}}{{/inline}}{{> a}}"})
  void partialsAreRefused(String probe) {
    String body = "{\"a\":\"" + probe + "\"}";
    assertThatThrownBy(() -> cut.validate(body)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("body: ")
        .hasMessageNotContaining("root:");
  }

  @Test
  void savedTemplatesCompileOncePerIdAndVersion() {
    String body = "{\"n\":\"{{data.name}}\"}";
    long before = cut.compilations();
    assertThat(cut.render(1, 0, body, vars(order("A", "")))).isEqualTo("{\"n\":\"A\"}");
    assertThat(cut.render(1, 0, body, vars(order("B", "")))).isEqualTo("{\"n\":\"B\"}");
    assertThat(cut.render(1, 0, "ignored: cached by id and version", vars(order("C", ""))))
        .isEqualTo("{\"n\":\"C\"}");
    assertThat(cut.compilations() - before).isEqualTo(1);

    assertThat(cut.render(1, 1, "{{data.name}}!", vars(order("D", "")))).isEqualTo("D!");
    assertThat(cut.render(2, 0, body, vars(order("E", "")))).isEqualTo("{\"n\":\"E\"}");
    assertThat(cut.render(1, 1, "{{data.name}}!", vars(order("F", "")))).isEqualTo("F!");
    assertThat(cut.compilations() - before).isEqualTo(3);
  }

  @Test
  void unsavedBodiesAreNotCached() {
    long before = cut.compilations();
    render("{{data.name}}");
    render("{{data.name}}");
    assertThat(cut.compilations() - before).isEqualTo(2);
  }

  @Test
  void jsonProblemNamesTheParserError() {
    assertThat(PayloadRenderer.jsonProblem("{\"a\":[1,2]}")).isNull();
    assertThat(PayloadRenderer.jsonProblem("\"text\"")).isNull();
    assertThat(PayloadRenderer.jsonProblem("{\"a\":}")).isNotBlank();
    assertThat(PayloadRenderer.jsonProblem("")).isNotBlank();
  }
}
