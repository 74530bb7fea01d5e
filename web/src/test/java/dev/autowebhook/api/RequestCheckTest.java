package dev.autowebhook.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.platform.InvalidInputException.Violation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestCheckTest {

  static Violation check(String json) {
    return RequestCheck.problemWith(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void wellFormedJsonPasses() {
    assertThat(check("{\"name\":\"Acme \\u00e9\",\"lines\":[{\"q\":1}],\"x\":null}")).isNull();
    assertThat(check("[1, 2, \"three\"]")).isNull();
    assertThat(check("  \"text\"  ")).isNull();
    // an escaped backslash followed by u0000 is text, not a NUL
    assertThat(check("{\"a\":\"\\\\u0000\"}")).isNull();
    assertThat(check("[".repeat(RequestCheck.MAX_DEPTH) + "]".repeat(RequestCheck.MAX_DEPTH)))
        .isNull();
  }

  @Test
  void trailingTextAndSyntaxErrorsAreMalformed() {
    assertThat(check("{\"a\":1}}").field()).isNull();
    assertThat(check("{\"a\":1} {\"b\":2}")).isNotNull();
    assertThat(check("{\"a\":1,}").message()).contains("not well-formed");
    assertThat(check("{'a':1}")).isNotNull();
    assertThat(check("{\"a\":\"x\u0001y\"}")).as("raw control character").isNotNull();
    assertThat(check("{\"a\":NaN}")).isNotNull();
  }

  @Test
  void invalidUtf8IsRefused() {
    byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    assertThat(RequestCheck.problemWith(body).message()).contains("UTF-8");
  }

  @Test
  void nestingIsLimited() {
    int deep = RequestCheck.MAX_DEPTH + 1;
    assertThat(check("[".repeat(deep) + "]".repeat(deep)).message()).contains("nested");
    assertThat(check("{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000)).message())
        .contains("nested");
  }

  @Test
  void nulCharactersAreRefusedNamingTheField() {
    Violation v = check("{\"name\":\"a\\u0000b\"}");
    assertThat(v.field()).isEqualTo("name");
    assertThat(v.message()).contains("NUL");
    assertThat(check("{\"lines\":[{\"description\":\"\\u0000\"}]}").field())
        .isEqualTo("description");
    assertThat(check("{\"h\":{\"a\\u0000\":\"v\"}}").field()).isEqualTo("a\\u0000");
    assertThat(check("[\"\\u0000\"]").field()).isEqualTo("body");
  }

  @Test
  void readStopsOneByteAfterTheLimit() throws IOException {
    byte[] ten = new byte[10];
    assertThat(RequestCheck.read(new ByteArrayInputStream(ten), 10)).hasSize(10);
    assertThat(RequestCheck.read(new ByteArrayInputStream(ten), 9)).isNull();
    ByteArrayInputStream big = new ByteArrayInputStream(new byte[100_000]);
    assertThat(RequestCheck.read(big, 20_000)).isNull();
    assertThat(big.available()).as("read no further than the limit").isEqualTo(100_000 - 20_001);
  }
}
