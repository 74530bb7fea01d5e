package dev.autowebhook.security.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenGeneratorTest {

  @Test
  void tokenIsPrefixedBase64UrlOf32BytesWithoutPadding() {
    String token = TokenGenerator.newToken();

    assertThat(token).startsWith("awt_").hasSize(4 + 43).doesNotContain("=", "+", "/");
    assertThat(Base64.getUrlDecoder().decode(token.substring(4))).hasSize(32);
    assertThat(TokenGenerator.wellFormed(token)).isTrue();
  }

  @Test
  void tokensAreUnique() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      assertThat(seen.add(TokenGenerator.newToken())).isTrue();
    }
  }

  @Test
  void hashIsLowerCaseHexSha256OfTheWholeToken() {
    // echo -n 'awt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' | sha256sum
    String token = "awt_" + "A".repeat(43);
    assertThat(TokenGenerator.hash(token))
        .hasSize(64).matches("[0-9a-f]{64}")
        .isEqualTo("55c396df9ca69f923186de1d0e565682b618eae84073d4c6ef8cba4a536a3409")
        .isNotEqualTo(TokenGenerator.hash("awt_" + "A".repeat(42) + "B"));
  }

  @Test
  void shownPartIsTheFirstEightCharactersAfterThePrefix() {
    assertThat(TokenGenerator.shown("awt_abcdefghIJKLMNOPQRSTUVWXYZ0123456789-_abcde"))
        .isEqualTo("abcdefgh");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"awt_", "awt_short", "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "AWT_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "awt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
      "awt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "awt_AAAAAAAAAAAAAAAAAAAAA AAAAAAAAAAAAAAAAAAAAA",
      "awt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+"})
  void malformedTokensAreRecognised(String token) {
    assertThat(TokenGenerator.wellFormed(token)).isFalse();
  }
}
