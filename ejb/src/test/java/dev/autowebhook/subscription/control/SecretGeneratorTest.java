package dev.autowebhook.subscription.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretGeneratorTest {

  @Test
  void secretIsPrefixedBase64OfTwentyFourBytes() {
    String secret = SecretGenerator.newSecret();

    assertThat(secret).startsWith("whsec_").hasSize(6 + 32);
    assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(24);
  }

  @Test
  void secretsAreUnique() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      assertThat(seen.add(SecretGenerator.newSecret())).isTrue();
    }
  }

  @Test
  void prefixMatchesTheSigner() {
    assertThat(SecretGenerator.PREFIX)
        .isEqualTo(dev.autowebhook.delivery.control.Signer.SECRET_PREFIX);
  }
}
