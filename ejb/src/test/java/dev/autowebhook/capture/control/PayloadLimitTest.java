package dev.autowebhook.capture.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autowebhook.capture.entity.ChangeKind;
import dev.autowebhook.platform.PayloadTooLargeException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadLimitTest {

  private final PayloadLimit cut = new PayloadLimit(100);

  @Test
  void theDefaultIsOneMebibyte() {
    assertThat(new PayloadLimit().maxBytes()).isEqualTo(1_048_576);
  }

  @Test
  void eventsUpToTheLimitPass() {
    cut.check("sale.order", ChangeKind.CREATE, "x".repeat(100));
    // 50 two-byte characters are exactly 100 bytes
    cut.check("sale.order", ChangeKind.UPDATE, "\u00e9".repeat(50));
    assertThat(cut.refusals()).isEmpty();
  }

  @Test
  void oneByteOverIsRefusedNamingSizeAndLimitButNotThePayload() {
    String event = "{\"notes\":\"" + "secret-".repeat(13) + "\"}";
    assertThat(event.getBytes(StandardCharsets.UTF_8)).hasSize(103);
    assertThatThrownBy(() -> cut.check("res.partner", ChangeKind.UPDATE, event))
        .isInstanceOfSatisfying(PayloadTooLargeException.class, e -> {
          assertThat(e.size()).isEqualTo(103);
          assertThat(e.limit()).isEqualTo(100);
          assertThat(e.getMessage()).contains("103 bytes", "100 bytes", "res.partner", "update")
              .doesNotContain("secret");
        });
    // multi-byte: 51 two-byte characters are 102 bytes although 51 chars
    assertThatThrownBy(() -> cut.check("res.partner", ChangeKind.CREATE, "\u00e9".repeat(51)))
        .isInstanceOf(PayloadTooLargeException.class);
    assertThat(cut.refusals("res.partner")).isEqualTo(2);
    assertThat(cut.refusals("sale.order")).isZero();
    assertThat(cut.refusals()).containsOnlyKeys("res.partner");
  }

  @Test
  void theCountedLengthIsTheUtf8Length() {
    for (String s : new String[] {"", "plain", "\u00e9t\u00e9", "\u20ac 10", "\uD83D\uDE00 ok",
        "lone \uD800 surrogate", "\u4e2d\u6587" + "x".repeat(1000)}) {
      assertThat(PayloadLimit.utf8Length(s)).as(s)
          .isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
    }
    // 34 three-byte characters: 102 bytes, over a limit of 100 although only 34 chars
    assertThatThrownBy(() -> cut.check("m", ChangeKind.CREATE, "\u20ac".repeat(34)))
        .isInstanceOf(PayloadTooLargeException.class);
    cut.check("m", ChangeKind.CREATE, "\u20ac".repeat(33));
  }
}
