package dev.autowebhook.transfer.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.platform.InvalidInputException.Violation;
import dev.autowebhook.subscription.entity.AuthType;
import dev.autowebhook.subscription.entity.Subscriber;
import dev.autowebhook.transfer.boundary.ConfigTransfer.Changes;
import dev.autowebhook.transfer.boundary.ConfigTransfer.Outcome;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigTransferTest {

  static Subscriber subscriber(AuthType auth, String headers) {
    Subscriber s = new Subscriber();
    s.setName("erp");
    s.setAuthType(auth);
    s.setAuthToken("token-1");
    s.setApiKey("key-1");
    s.setBasicUsername("erp");
    s.setBasicPassword("password-1");
    s.setCustomHeaders(headers);
    return s;
  }

  @Test
  void onlyTheFormatAndVersionOfThisReleaseAreRead() {
    assertThat(ConfigTransfer.header("autowebhook-config", 1)).isEmpty();
    assertThat(ConfigTransfer.header(null, null)).extracting(Violation::field)
        .containsExactly("format", "version");
    assertThat(ConfigTransfer.header("something-else", 2)).hasSize(2);
  }

  @Test
  void blankAndRepeatedKeysAreNamedByTheirPlace() {
    List<Violation> v = ConfigTransfer.keys("subscribers", "name",
        Arrays.asList("a", "b", null, "a", " ", "c ", "b"));
    assertThat(v).containsExactly(
        new Violation("subscribers[2].name", "must not be blank"),
        new Violation("subscribers[3].name", "'a' is also subscribers[0]"),
        new Violation("subscribers[4].name", "must not be blank"),
        new Violation("subscribers[5].name", "must not start or end with blanks"),
        new Violation("subscribers[6].name", "'b' is also subscribers[1]"));
    assertThat(ConfigTransfer.keys("configs", "model", List.of("sale.order", "crm.lead")))
        .isEmpty();
  }

  @Test
  void violationsOfAnItemAreNamedByWhereTheItemIs() {
    assertThat(ConfigTransfer.prefixed("templates[3]", List.of(new Violation("body", "bad"),
        new Violation(null, "whole")))).containsExactly(
            new Violation("templates[3].body", "bad"), new Violation("templates[3]", "whole"));
  }

  @Test
  void theSecretsAnImportMustGiveAreThoseTheAuthTypeUsesAndTheCustomHeaders() {
    assertThat(ConfigTransfer.requiredSecrets(subscriber(AuthType.NONE, null))).isEmpty();
    assertThat(ConfigTransfer.requiredSecrets(subscriber(AuthType.BEARER, null)))
        .containsExactly("auth_token");
    assertThat(ConfigTransfer.requiredSecrets(subscriber(AuthType.API_KEY, null)))
        .containsExactly("api_key");
    assertThat(ConfigTransfer.requiredSecrets(subscriber(AuthType.BASIC,
        "{\"X-Tenant\":\"acme\",\"X-Env\":\"prod\"}")))
        .containsExactly("basic_password", "custom_headers.X-Tenant", "custom_headers.X-Env");
    assertThat(ConfigTransfer.requiredSecrets(subscriber(AuthType.NONE, "not json"))).isEmpty();
  }

  @Test
  void aMaskedCustomHeaderThatNothingFilledInIsAnError() {
    assertThat(ConfigTransfer.masked(subscriber(AuthType.NONE,
        "{\"X-Tenant\":\"****\",\"X-Env\":\"prod\"}"))).extracting(Violation::field)
        .containsExactly("custom_headers.X-Tenant");
    assertThat(ConfigTransfer.masked(subscriber(AuthType.NONE, "{\"X-Env\":\"prod\"}")))
        .isEmpty();
  }

  @Test
  void whatExistsIsUpdatedTheRestCreatedInDocumentOrder() {
    Changes c = ConfigTransfer.changes(List.of("c", "a", "b"), Set.of("a")::contains);
    assertThat(c.created()).containsExactly("c", "b");
    assertThat(c.updated()).containsExactly("a");
    assertThat(ConfigTransfer.describe(new Outcome(false, c, new Changes(List.of(), List.of("t")),
        new Changes(List.of("hr.expense"), List.of()))))
        .isEqualTo("subscribers: created=[c, b] updated=1; templates: created=[] updated=1;"
            + " configs: created=[hr.expense] updated=0");
  }
}
