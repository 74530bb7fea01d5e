package dev.autowebhook.inbox.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autowebhook.platform.NotFoundException;
import dev.autowebhook.platform.PayloadTooLargeException;

import org.junit.jupiter.api.Test;

/**
 * The inbox keeps transport and webhook headers as received and masks every other value; turned
 * off it is not there, and it refuses a body over its limit before it looks at the signature.
 */
class InboxTest {

  @Test
  void webhookAndTransportHeadersAreShown() {
    assertThat(Inbox.shown("webhook-signature", "v1,abc=")).isEqualTo("v1,abc=");
    assertThat(Inbox.shown("Webhook-Id", "evt_1")).isEqualTo("evt_1");
    assertThat(Inbox.shown("webhook-timestamp", "1614265330")).isEqualTo("1614265330");
    assertThat(Inbox.shown("Content-Type", "application/json")).isEqualTo("application/json");
    assertThat(Inbox.shown("user-agent", "AutoWebhook-JakartaEE/1.0"))
        .isEqualTo("AutoWebhook-JakartaEE/1.0");
    assertThat(Inbox.shown("x-autowebhook-model", "sale.order")).isEqualTo("sale.order");
  }

  /** An api key under an innocent name or a custom header may be a credential. */
  @Test
  void everyOtherValueIsMasked() {
    assertThat(Inbox.shown("authorization", "Bearer t-123")).isEqualTo("****");
    assertThat(Inbox.shown("x-api-key", "k-123")).isEqualTo("****");
    assertThat(Inbox.shown("X-Client-Ref", "k-innocent")).isEqualTo("****");
    assertThat(Inbox.shown("x-route", "r-42")).isEqualTo("****");
    assertThat(Inbox.shown("cookie", "session=1")).isEqualTo("****");
  }

  /** {@code autowebhook.inbox.enabled=false}: 404 (NotFoundException) before anything is read. */
  @Test
  void aTurnedOffInboxIsNotFound() {
    Inbox cut = new Inbox();
    cut.enabled = false;
    assertThatThrownBy(() -> cut.receive("evt_1", "1800000000", "v1,AAAA", "{}", new byte[1]))
        .isInstanceOf(NotFoundException.class).hasMessage("The built-in inbox is turned off");
  }

  @Test
  void aBodyOverTheLimitIsRefusedBeforeTheSignatureIsChecked() {
    Inbox cut = new Inbox();
    cut.enabled = true;
    assertThatThrownBy(() -> cut.receive("evt_1", "1800000000", "v1,AAAA", "{}",
        new byte[Inbox.MAX_BODY + 1])).isInstanceOf(PayloadTooLargeException.class);
  }
}
