package dev.autowebhook.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Only literal IP addresses are used: no DNS lookups leave the machine. */
class TargetGuardTest {

  private final TargetGuard cut = new TargetGuard(null);

  @ParameterizedTest
  @ValueSource(strings = {
      "http://127.0.0.1/",
      "http://127.255.255.254:8080/hook",
      "http://10.0.0.1/",
      "http://10.255.255.255/",
      "http://172.16.0.1/",
      "http://172.31.255.255/",
      "http://192.168.1.1/",
      "http://169.254.169.254/latest/meta-data/",
      "http://100.64.0.1/",
      "http://100.127.255.255/",
      "http://0.0.0.0/",
      "http://0.1.2.3/",
      "http://192.0.0.8/",
      "http://198.18.0.1/",
      "http://224.0.0.1/",
      "http://255.255.255.255/",
      "http://2130706433/", // 127.0.0.1 written as one decimal number
      "http://[::1]/",
      "http://[::]/",
      "http://[fe80::1]/",
      "http://[febf::1]/",
      "http://[fc00::1]/",
      "http://[fd12:3456:789a::1]/",
      "http://[ff02::1]/",
      "http://[::ffff:127.0.0.1]/",
      "http://[::ffff:10.0.0.1]/",
      "http://[::ffff:169.254.169.254]/",
      "http://[::ffff:7f00:1]/",
      "http://[::127.0.0.1]/", // IPv4-compatible form
      "https://[::10.1.2.3]:8443/",
      "http://[64:ff9b::10.0.0.1]/", // NAT64 of a private address
      "http://[64:ff9b::a9fe:a9fe]/", // NAT64 of 169.254.169.254
      "http://[2002:a00:1::1]/", // 6to4 of 10.0.0.1
      "http://[2002:7f00:1::]/", // 6to4 of 127.0.0.1
  })
  void refusesInternalAddresses(String url) {
    assertThat(cut.refusal(URI.create(url)))
        .isNotNull()
        .contains("private, loopback or link-local")
        .contains("AUTOWEBHOOK_ALLOWED_TARGETS");
  }

  @Test
  void refusalNamesHostAndAddress() {
    assertThat(cut.refusal(URI.create("http://[::ffff:127.0.0.1]/")))
        .startsWith("[::ffff:127.0.0.1] resolves to 127.0.0.1, ");
    assertThat(cut.refusal(URI.create("http://169.254.169.254/")))
        .startsWith("169.254.169.254 resolves to 169.254.169.254, ");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://93.184.216.34/",
      "https://93.184.216.34:8443/hook?x=1",
      "https://[2606:4700::1111]/",
      "http://8.8.8.8/",
      "http://172.15.255.255/", // just below 172.16.0.0/12
      "http://172.32.0.1/", // just above 172.16.0.0/12
      "http://100.63.255.255/", // just below 100.64.0.0/10
      "http://100.128.0.1/", // just above 100.64.0.0/10
      "http://169.253.255.255/",
      "http://192.169.0.1/",
      "http://11.0.0.1/",
      "http://[::ffff:93.184.216.34]/",
      "http://[64:ff9b::93.184.216.34]/",
      "http://[2002:5db8:d822::1]/", // 6to4 of 93.184.216.34
  })
  void allowsPublicAddresses(String url) {
    assertThat(cut.refusal(URI.create(url))).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http:///path", "mailto:someone@example.com", "/relative/path"})
  void refusesUrlsWithoutHost(String url) {
    assertThat(cut.refusal(URI.create(url))).isEqualTo("the URL has no host");
  }

  @Test
  void allowListOpensOnlyTheListedRange() {
    TargetGuard guard = new TargetGuard("127.0.0.0/8");

    assertThat(guard.refusal(URI.create("http://127.0.0.1:8080/inbox"))).isNull();
    assertThat(guard.refusal(URI.create("http://127.1.2.3/"))).isNull();
    assertThat(guard.refusal(URI.create("http://[::ffff:127.0.0.1]/"))).isNull();
    assertThat(guard.refusal(URI.create("http://10.0.0.1/"))).isNotNull();
    assertThat(guard.refusal(URI.create("http://[::1]/"))).as("IPv6 loopback is not in an IPv4 block")
        .isNotNull();
    assertThat(guard.refusal(URI.create("http://93.184.216.34/"))).isNull();
  }

  @Test
  void allowListWithSeveralEntriesSpacesAndBlanks() {
    TargetGuard guard = new TargetGuard(" 10.1.0.0/16 , ,192.168.7.7,[fd00::]/8,");

    assertThat(guard.refusal(URI.create("http://10.1.200.3/"))).isNull();
    assertThat(guard.refusal(URI.create("http://10.2.0.1/"))).isNotNull();
    assertThat(guard.refusal(URI.create("http://192.168.7.7/"))).isNull();
    assertThat(guard.refusal(URI.create("http://192.168.7.8/"))).isNotNull();
    assertThat(guard.refusal(URI.create("http://[fd00::1]/"))).isNull();
    assertThat(guard.refusal(URI.create("http://[fc00::1]/"))).isNotNull();
  }

  @Test
  void allowListPrefixNotOnAByteBoundary() {
    TargetGuard guard = new TargetGuard("10.0.0.0/9");

    assertThat(guard.refusal(URI.create("http://10.127.255.255/"))).isNull();
    assertThat(guard.refusal(URI.create("http://10.128.0.0/"))).isNotNull();
  }

  @Test
  void allowListHostBitsAreIgnored() {
    TargetGuard guard = new TargetGuard("10.1.2.3/16");

    assertThat(guard.refusal(URI.create("http://10.1.99.99/"))).isNull();
    assertThat(guard.refusal(URI.create("http://10.2.2.3/"))).isNotNull();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", ",", " , "})
  void emptyAllowListIsValid(String csv) {
    assertThatCode(() -> TargetGuard.validate(csv)).doesNotThrowAnyException();
    assertThat(new TargetGuard(csv).refusal(URI.create("http://127.0.0.1/"))).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "localhost",
      "example.com",
      "http://10.0.0.0/8",
      "10.0.0.0/33",
      "10.0.0.0/-1",
      "10.0.0.0/",
      "10.0.0.0/abc",
      "10.0.0.0/8/8",
      "::1/129",
      "::1::2/64",
      "10.0.0.0/8,not a cidr",
      "10.0.0.0 /8",
  })
  void badCidrIsRejected(String csv) {
    assertThatThrownBy(() -> TargetGuard.validate(csv))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TargetGuard(csv))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void badCidrMessageNamesTheEntry() {
    assertThatThrownBy(() -> TargetGuard.validate("10.0.0.0/8, 10.0.0.0/40"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10.0.0.0/40");
    assertThatThrownBy(() -> TargetGuard.validate("intranet"))
        .hasMessageContaining("intranet");
  }
  @Test
  void shortFormCidrIsNotSilentlyMisread() {
    assertThatThrownBy(() -> TargetGuard.validate("10/8"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cidrContainsOnlyAddressesOfTheSameFamily() {
    TargetGuard.Cidr all = TargetGuard.Cidr.parse("0.0.0.0/0");
    assertThat(all.contains(new byte[] {127, 0, 0, 1})).isTrue();
    assertThat(all.contains(new byte[16])).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://example.com/", "https://example.com/", "HTTP://EXAMPLE.COM/",
      "Https://example.com:8443/x"})
  void httpAndHttpsAreHttp(String url) {
    assertThat(TargetGuard.isHttp(URI.create(url))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://example.com/", "file:///etc/passwd", "gopher://example.com/",
      "jar:file:/x.jar!/y", "mailto:a@example.com", "//example.com/x", "example.com/x",
      "httpx://example.com/"})
  void otherSchemesAreNotHttp(String url) {
    assertThat(TargetGuard.isHttp(URI.create(url))).isFalse();
  }
}
