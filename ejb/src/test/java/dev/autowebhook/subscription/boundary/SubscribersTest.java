package dev.autowebhook.subscription.boundary;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.platform.InvalidInputException.Violation;
import dev.autowebhook.subscription.entity.AuthType;
import dev.autowebhook.subscription.entity.Subscriber;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SubscribersTest {

  // ---- urlProblem

  @ParameterizedTest
  @ValueSource(strings = {"https://example.com/hook", "http://example.com", "HTTPS://EXAMPLE.COM/x",
      "http://127.0.0.1:8080/inbox?token=abc", "https://[2606:4700::1111]/hook",
      "  https://example.com/hook  "})
  void validUrls(String url) {
    assertThat(Subscribers.urlProblem(url)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://example.com/x", "file:///etc/passwd", "example.com/hook",
      "//example.com/hook", "javascript:alert(1)", "mailto:a@example.com"})
  void nonHttpUrlsAreRefused(String url) {
    assertThat(Subscribers.urlProblem(url)).isEqualTo("must be an http:// or https:// URL");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http:///path", "https:/path", "http://exa_mple.com/"})
  void urlWithoutHostIsRefused(String url) {
    assertThat(Subscribers.urlProblem(url)).isEqualTo("must name a host");
  }

  @Test
  void urlWithCredentialsIsRefused() {
    assertThat(Subscribers.urlProblem("https://user:pass@example.com/hook"))
        .isEqualTo("must not carry credentials; use auth_type basic");
    assertThat(Subscribers.urlProblem("https://user@example.com/hook"))
        .isEqualTo("must not carry credentials; use auth_type basic");
  }

  @Test
  void urlWithFragmentIsRefused() {
    assertThat(Subscribers.urlProblem("https://example.com/hook#frag"))
        .isEqualTo("must not have a #fragment");
    assertThat(Subscribers.urlProblem("https://example.com/hook#"))
        .isEqualTo("must not have a #fragment");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://", "https://exa mple.com/", "http://example.com/a b",
      "http://[::1/", ""})
  void malformedUrlIsRefused(String url) {
    assertThat(Subscribers.urlProblem(url)).isNotNull();
  }

  @Test
  void malformedUrlMessageGivesTheReason() {
    assertThat(Subscribers.urlProblem("https://exa mple.com/"))
        .startsWith("is not a valid URL: ");
  }

  // ---- customHeaders

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void noCustomHeaders(String json) {
    assertThat(Subscribers.customHeaders(json)).isEmpty();
  }

  @Test
  void customHeadersAreParsedInOrder() {
    Map<String, String> h = Subscribers.customHeaders(
        "{\"X-Tenant\":\"acme\",\"X-Trace\":\"a b\\tc\",\"x-empty\":\"\"}");
    assertThat(h).containsExactly(Map.entry("X-Tenant", "acme"), Map.entry("X-Trace", "a b\tc"),
        Map.entry("x-empty", ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"host", "Host", "Content-Type", "content-length", "webhook-signature",
      "Webhook-Id", "webhook-timestamp", "Idempotency-Key", "User-Agent", "Connection",
      "Transfer-Encoding", "Authorization", "AUTHORIZATION"})
  void reservedNamesAreRefused(String name) {
    InvalidInputException e = catchThrowableOfType(
        () -> Subscribers.customHeaders("{\"" + name + "\":\"x\"}"), InvalidInputException.class);

    assertThat(e).isNotNull();
    assertThat(e.violations()).extracting(Violation::field)
        .containsExactly("custom_headers." + name);
    assertThat(e.violations().get(0).message()).contains("is reserved");
  }

  /** Line breaks (one or several: CRLF must not slip through), control and non-Latin-1 chars. */
  @ParameterizedTest
  @ValueSource(strings = {"line1\\nline2", "cr\\r", "\\n", "\\rX-Injected: 1",
      "a\\r\\nX-Injected: 1", "a\\n\\nb", "\\r\\n", "bell\\u0007", "5 \\u20ac"})
  void headerValuesThatCannotBeSentAreRefused(String escaped) {
    InvalidInputException e = catchThrowableOfType(
        () -> Subscribers.customHeaders("{\"X-Note\":\"" + escaped + "\"}"),
        InvalidInputException.class);

    assertThat(e).isNotNull();
    assertThat(e.violations()).containsExactly(new Violation("custom_headers.X-Note",
        "must be a single-line string of printable Latin-1 characters"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"X Note", "X-Note:", "X-Note\\r\\nX-Injected", "", "Ä-Header",
      "(x)"})
  void invalidHeaderNamesAreRefused(String escapedName) {
    InvalidInputException e = catchThrowableOfType(
        () -> Subscribers.customHeaders("{\"" + escapedName + "\":\"x\"}"),
        InvalidInputException.class);

    assertThat(e).isNotNull();
    assertThat(e.violations()).singleElement()
        .satisfies(v -> assertThat(v.message()).isEqualTo("is not a valid header name"));
  }

  @Test
  void overlongHeaderNameIsRefused() {
    String name = "X".repeat(101);
    assertThatThrownBy(() -> Subscribers.customHeaders("{\"" + name + "\":\"x\"}"))
        .isInstanceOf(InvalidInputException.class);
    assertThat(Subscribers.customHeaders("{\"" + "X".repeat(100) + "\":\"x\"}")).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"X-N\":1}", "{\"X-N\":true}", "{\"X-N\":null}", "{\"X-N\":[\"a\"]}",
      "{\"X-N\":{\"a\":\"b\"}}"})
  void nonStringValuesAreRefused(String json) {
    InvalidInputException e = catchThrowableOfType(() -> Subscribers.customHeaders(json),
        InvalidInputException.class);

    assertThat(e).isNotNull();
    assertThat(e.violations()).containsExactly(
        new Violation("custom_headers.X-N", "must be a single-line string of printable Latin-1 characters"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "[{\"X-A\":\"1\"}]", "\"X-A: 1\"", "42", "null", "true", "{",
      "{\"X-A\":}", "X-A: 1", "{'X-A':'1'}"})
  void nonObjectJsonIsRefused(String json) {
    InvalidInputException e = catchThrowableOfType(() -> Subscribers.customHeaders(json),
        InvalidInputException.class);

    assertThat(e).isNotNull();
    assertThat(e.violations()).containsExactly(
        new Violation("custom_headers", "must be a JSON object of strings"));
  }

  @Test
  void everyBadHeaderIsReportedAtOnce() {
    InvalidInputException e = catchThrowableOfType(() -> Subscribers.customHeaders(
        "{\"Host\":\"x\",\"X-Ok\":\"fine\",\"X-Bad\":\"a\\nb\",\"bad name\":\"x\"}"),
        InvalidInputException.class);

    assertThat(e.violations()).extracting(Violation::field).containsExactly(
        "custom_headers.Host", "custom_headers.X-Bad", "custom_headers.bad name");
    assertThat(e.getMessage()).contains("custom_headers.Host: ", "; custom_headers.X-Bad: ");
  }

  // ---- requestHeaders

  private static Subscriber subscriber(AuthType type) {
    Subscriber s = new Subscriber();
    s.setName("sub");
    s.setAuthType(type);
    return s;
  }

  @Test
  void noAuthGivesOnlyTheCustomHeaders() {
    Subscriber s = subscriber(AuthType.NONE);
    assertThat(Subscribers.requestHeaders(s)).isEmpty();

    s.setCustomHeaders("{\"X-Tenant\":\"acme\"}");
    s.setAuthToken("ignored");
    assertThat(Subscribers.requestHeaders(s)).containsExactly(Map.entry("X-Tenant", "acme"));
  }

  @Test
  void bearer() {
    Subscriber s = subscriber(AuthType.BEARER);
    s.setAuthToken("tok-123");

    assertThat(Subscribers.requestHeaders(s))
        .containsExactly(Map.entry("Authorization", "Bearer tok-123"));
  }

  @Test
  void apiKeyUsesTheConfiguredHeaderName() {
    Subscriber s = subscriber(AuthType.API_KEY);
    s.setApiKey("k-1");
    assertThat(Subscribers.requestHeaders(s)).containsExactly(Map.entry("X-API-Key", "k-1"));

    s.setApiKeyHeader("X-Shop-Key");
    assertThat(Subscribers.requestHeaders(s)).containsExactly(Map.entry("X-Shop-Key", "k-1"));
  }

  @Test
  void basicIsBase64OfUserColonPassword() {
    Subscriber s = subscriber(AuthType.BASIC);
    s.setBasicUsername("jürgen");
    s.setBasicPassword("pa:ss wörd");

    String value = Subscribers.requestHeaders(s).get("Authorization");

    assertThat(value).startsWith("Basic ");
    assertThat(new String(Base64.getDecoder().decode(value.substring(6)), UTF_8))
        .isEqualTo("jürgen:pa:ss wörd");
    s.setBasicUsername("user");
    s.setBasicPassword("pass");
    assertThat(Subscribers.requestHeaders(s)).containsEntry("Authorization", "Basic dXNlcjpwYXNz");
  }

  @Test
  void customHeadersComeFirstThenAuth() {
    Subscriber s = subscriber(AuthType.BEARER);
    s.setAuthToken("t");
    s.setCustomHeaders("{\"X-B\":\"2\",\"X-A\":\"1\"}");

    assertThat(Subscribers.requestHeaders(s).keySet())
        .containsExactly("X-B", "X-A", "Authorization");
  }

  @Test
  void invalidStoredCustomHeadersFailTheRequestHeaders() {
    Subscriber s = subscriber(AuthType.NONE);
    s.setCustomHeaders("{\"Host\":\"evil\"}");

    assertThatThrownBy(() -> Subscribers.requestHeaders(s))
        .isInstanceOf(InvalidInputException.class);
  }

  // ---- signingSecrets

  @Test
  void onlyTheCurrentSecretWithoutPrevious() {
    Subscriber s = subscriber(AuthType.NONE);
    s.setSigningSecret("whsec_current");

    assertThat(Subscribers.signingSecrets(s)).containsExactly("whsec_current");
  }

  @Test
  void previousSecretIsIncludedDuringTheGracePeriod() {
    Subscriber s = subscriber(AuthType.NONE);
    s.setSigningSecret("whsec_current");
    s.setPreviousSecret("whsec_previous");
    s.setPreviousSecretUntil(OffsetDateTime.now(ZoneOffset.UTC).plusHours(1));

    assertThat(Subscribers.signingSecrets(s)).containsExactly("whsec_current", "whsec_previous");
  }

  @Test
  void previousSecretIsDroppedAfterTheGracePeriod() {
    Subscriber s = subscriber(AuthType.NONE);
    s.setSigningSecret("whsec_current");
    s.setPreviousSecret("whsec_previous");
    s.setPreviousSecretUntil(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1));

    assertThat(Subscribers.signingSecrets(s)).containsExactly("whsec_current");
  }

  @Test
  void previousSecretWithoutEndOrEndWithoutSecretIsIgnored() {
    Subscriber s = subscriber(AuthType.NONE);
    s.setSigningSecret("whsec_current");
    s.setPreviousSecret("whsec_previous");
    assertThat(Subscribers.signingSecrets(s)).containsExactly("whsec_current");

    s.setPreviousSecret(null);
    s.setPreviousSecretUntil(OffsetDateTime.now(ZoneOffset.UTC).plusDays(1));
    assertThat(Subscribers.signingSecrets(s)).containsExactly("whsec_current");
  }

  @Test
  void reservedHeadersCoverTransportAndSignatureHeaders() {
    assertThat(Subscribers.RESERVED_HEADERS).contains("host", "content-type", "content-length",
        "webhook-id", "webhook-timestamp", "webhook-signature", "idempotency-key")
        .allSatisfy(h -> assertThat(h).isLowerCase());
  }

  @Test
  void secretListIsMutableCopy() {
    Subscriber s = subscriber(AuthType.NONE);
    s.setSigningSecret("whsec_current");
    List<String> secrets = Subscribers.signingSecrets(s);
    secrets.add("x");
    assertThat(Subscribers.signingSecrets(s)).containsExactly("whsec_current");
  }
}
