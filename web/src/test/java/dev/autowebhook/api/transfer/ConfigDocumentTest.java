package dev.autowebhook.api.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.api.payload.TemplateIn;
import dev.autowebhook.api.subscription.ConfigOut;
import dev.autowebhook.api.subscription.SubscriberIn;
import dev.autowebhook.payload.entity.PayloadTemplate;
import dev.autowebhook.subscription.entity.AuthType;
import dev.autowebhook.subscription.entity.Priority;
import dev.autowebhook.subscription.entity.Subscriber;
import dev.autowebhook.subscription.entity.WebhookConfig;
import dev.autowebhook.transfer.boundary.ConfigTransfer.Plan;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDocumentTest {

  static Subscriber subscriber() {
    Subscriber s = new Subscriber();
    s.setName("erp");
    s.setEndpointUrl("https://erp.example.com/hook");
    s.setAuthType(AuthType.BEARER);
    s.setAuthToken("token-SECRET");
    s.setApiKey("key-SECRET");
    s.setBasicPassword("password-SECRET");
    s.setCustomHeaders("{\"X-Tenant\":\"header-SECRET\"}");
    s.setSigningSecret("whsec_SECRET");
    s.setTimeoutSeconds(7);
    return s;
  }

  @Test
  void anExportedSubscriberHoldsEverythingButItsSecrets() {
    SubscriberIn in = ConfigDocument.exported(subscriber());
    assertThat(in.toString()).doesNotContain("SECRET");
    assertThat(in.name()).isEqualTo("erp");
    assertThat(in.authType()).isEqualTo("bearer");
    assertThat(in.endpointUrl()).isEqualTo("https://erp.example.com/hook");
    assertThat(in.customHeaders()).containsExactly(Map.entry("X-Tenant", "****"));
    assertThat(in.timeoutSeconds()).isEqualTo(7);
    assertThat(in.authToken()).isNull();
  }

  @Test
  void anExportedSubscriberImportedOverTheStoredOneKeepsItsSecrets() {
    Subscriber stored = subscriber();
    SubscriberIn in = ConfigDocument.exported(stored);
    stored.setTimeoutSeconds(30);
    Plan plan = new ConfigDocument("autowebhook-config", 1, null, null, List.of(in), null, null)
        .plan();
    plan.subscribers().get(0).edit().accept(stored);
    assertThat(stored.getTimeoutSeconds()).isEqualTo(7);
    assertThat(stored.getAuthToken()).isEqualTo("token-SECRET");
    assertThat(stored.getCustomHeaders()).contains("header-SECRET");
  }

  @Test
  void aConfigNamesItsSubscribersAndTemplate() {
    ConfigOut out = new ConfigOut(5L, "sale.order", true, List.of("create"), "high", "sales",
        List.of(), List.of("note"), "amount_total > 10", List.of(3L, 1L), 9L, false, 100, 5,
        null, null, 0, 0);
    PortableConfig c = PortableConfig.of(out, Map.of(1L, "zeta", 3L, "alpha"),
        Map.of(9L, "slack"));
    assertThat(c.subscribers()).containsExactly("alpha", "zeta");
    assertThat(c.template()).isEqualTo("slack");
    assertThat(c.priority()).isEqualTo("high");

    WebhookConfig target = new WebhookConfig();
    target.setFilterRule("old rule");
    target.setTemplateId(4L);
    new PortableConfig("sale.order", null, null, "low", null, null, null, null, null, null,
        null, null, null).toConfigIn().applyTo(target, ids -> {
          throw new AssertionError("ids are not resolved here");
        });
    assertThat(target.getPriority()).isEqualTo(Priority.LOW);
    assertThat(target.getFilterRule()).as("null filter: none").isNull();
    assertThat(target.getTemplateId()).as("left to the import").isEqualTo(4L);
  }

  @Test
  void nullItemsBecomeItemsWithoutANameAndATemplateWithoutModelIsForAnyModel() {
    Plan plan = new ConfigDocument("autowebhook-config", 1, null, null,
        Arrays.asList((SubscriberIn) null), List.of(new TemplateIn("t", "{}", null)),
        Arrays.asList((PortableConfig) null)).plan();
    assertThat(plan.subscribers()).hasSize(1);
    assertThat(plan.subscribers().get(0).name()).isNull();
    assertThat(plan.configs().get(0).model()).isNull();
    PayloadTemplate stored = new PayloadTemplate();
    stored.setModel("sale.order");
    plan.templates().get(0).edit().accept(stored);
    assertThat(stored.getModel()).isNull();
    assertThat(stored.getBody()).isEqualTo("{}");
  }
}
