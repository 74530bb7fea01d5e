package dev.autowebhook.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperationNamesTest {

  @Test
  void collectionsAndItemsReadAsVerbAndNoun() {
    assertThat(OperationNames.derive("GET", "/api/v1/admin/subscribers")).isEqualTo("listSubscribers");
    assertThat(OperationNames.derive("POST", "/api/v1/admin/subscribers")).isEqualTo("createSubscriber");
    assertThat(OperationNames.derive("GET", "/api/v1/admin/configs/{id}")).isEqualTo("getConfig");
    assertThat(OperationNames.derive("PUT", "/api/v1/admin/configs/{id}")).isEqualTo("updateConfig");
    assertThat(OperationNames.derive("DELETE", "/api/v1/admin/tokens/{id}")).isEqualTo("deleteToken");
    assertThat(OperationNames.derive("DELETE", "/api/v1/admin/inbox")).isEqualTo("clearInbox");
    assertThat(OperationNames.derive("GET", "/api/v1/product-categories/{id}"))
        .isEqualTo("getProductCategory");
  }

  @Test
  void pathsOutsideAdminKeepTheirPrefixSoTheyDoNotClash() {
    assertThat(OperationNames.derive("GET", "/api/v1/webhooks/events")).isEqualTo("listWebhooksEvents");
    assertThat(OperationNames.derive("GET", "/api/v1/admin/events")).isEqualTo("listEvents");
    assertThat(OperationNames.derive("PUT", "/api/v1/webhooks/sync-state/{id}"))
        .isEqualTo("updateWebhooksSyncState");
  }

  @Test
  void actionsOnAnItemPutTheVerbFirst() {
    assertThat(OperationNames.derive("POST", "/api/v1/admin/subscribers/{id}/test"))
        .isEqualTo("testSubscriber");
    assertThat(OperationNames.derive("POST", "/api/v1/admin/subscribers/{id}/rotate-secret"))
        .isEqualTo("rotateSubscriberSecret");
    assertThat(OperationNames.derive("GET", "/api/v1/admin/events/{id}/attempts"))
        .isEqualTo("listEventAttempts");
  }

  @Test
  void bareMethodNamesAreNotDeliberate() {
    assertThat(OperationNames.isDeliberate("list")).isFalse();
    assertThat(OperationNames.isDeliberate(null)).isFalse();
    assertThat(OperationNames.isDeliberate("listConfigs")).isTrue();
  }

  @Test
  void summariesAreSentencesOfTheId() {
    assertThat(OperationNames.summary("listWebhooksEvents")).isEqualTo("List webhooks events");
  }

  @Test
  void singularsOfCollectionNames() {
    assertThat(OperationNames.singular("entries")).isEqualTo("entry");
    assertThat(OperationNames.singular("addresses")).isEqualTo("address");
    assertThat(OperationNames.singular("status")).isEqualTo("status");
    assertThat(OperationNames.singular("inbox")).isEqualTo("inbox");
  }
}
