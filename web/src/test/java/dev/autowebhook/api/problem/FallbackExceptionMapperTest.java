package dev.autowebhook.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What of an exception message may reach a client as the detail of a 4xx problem. */
class FallbackExceptionMapperTest {

  @Test
  void keepsMessagesWrittenForTheClient() {
    assertThat(FallbackExceptionMapper.clean("device 12 belongs to another user"))
        .isEqualTo("device 12 belongs to another user");
    assertThat(FallbackExceptionMapper.clean("Invalid token=CURLYCLOSE at (line no=1, column"
        + " no=2, offset=1). Expected tokens are: [STRING]")).startsWith("Invalid token");
    assertThat(FallbackExceptionMapper.clean("create.arg0.endpointUrl: must be an http(s) URL"))
        .isNotNull();
    assertThat(FallbackExceptionMapper.clean("HTTP 404 Not Found")).isEqualTo("HTTP 404 Not Found");
    assertThat(FallbackExceptionMapper.clean("x".repeat(600))).hasSize(500);
  }

  @Test
  void dropsMessagesThatShowClassesOrSql() {
    assertThat(FallbackExceptionMapper.clean("Cannot create instance of a class: class"
        + " dev.autowebhook.api.subscription.SubscriberIn, No default constructor found."))
        .isNull();
    assertThat(FallbackExceptionMapper.clean("Internal error: java.lang.NullPointerException"))
        .isNull();
    assertThat(FallbackExceptionMapper.clean("Call: SELECT ID, NAME FROM aw_subscriber WHERE"
        + " (ID = ?)")).isNull();
    assertThat(FallbackExceptionMapper.clean("ERROR: syntax error; SQLState: 42601")).isNull();
  }
}
