package io.secureflows.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.secureflows.platform.web.TransportPolicy.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards the transport decision: HTTPS always passes, plain HTTP only on loopback or from a trusted
 * proxy that terminated TLS, and a client can never claim HTTPS for itself.
 */
class TransportPolicyTest {

  private static final TransportPolicy NO_PROXIES = TransportPolicy.withTrustedProxies("");

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "203.0.113.7", "2001:db8::1", "app.example.com"})
  void httpsIsAlwaysSecure(String remote) {
    assertThat(NO_PROXIES.decide(true, remote, null)).isEqualTo(Decision.SECURE);
    assertThat(NO_PROXIES.decide(true, remote, "http")).isEqualTo(Decision.SECURE);
  }

  @Test
  void httpsIsSecureEvenWithoutARemoteAddress() {
    assertThat(NO_PROXIES.decide(true, null, null)).isEqualTo(Decision.SECURE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "::1", "127.0.0.5", "[::1]", "0:0:0:0:0:0:0:1"})
  void plainHttpFromLoopbackIsLoopbackPlaintext(String remote) {
    assertThat(NO_PROXIES.decide(false, remote, null)).isEqualTo(Decision.LOOPBACK_PLAINTEXT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"203.0.113.7", "2001:db8::1", "10.1.2.3", "0.0.0.0", "::"})
  void refusesPlainHttpFromNonLoopback(String remote) {
    assertThat(NO_PROXIES.decide(false, remote, null)).isEqualTo(Decision.REFUSE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"203.0.113.7", "2001:db8::1"})
  void refusesClientClaimingHttps(String remote) {
    TransportPolicy policy = TransportPolicy.withTrustedProxies("10.0.0.0/8, 192.0.2.10");
    assertThat(policy.decide(false, remote, "https")).isEqualTo(Decision.REFUSE);
    assertThat(NO_PROXIES.decide(false, remote, "https")).isEqualTo(Decision.REFUSE);
  }

  @Test
  void loopbackClaimingHttpsStaysPlaintextWhenNotTrusted() {
    assertThat(NO_PROXIES.decide(false, "127.0.0.1", "https"))
        .isEqualTo(Decision.LOOPBACK_PLAINTEXT);
  }

  @ParameterizedTest
  @CsvSource({
    "10.0.0.0/8, 10.1.2.3",
    "192.0.2.10, 192.0.2.10",
    "2001:db8::/32, 2001:db8:ffff::7",
    "2001:db8::10, 2001:db8::10",
    "2001:db8::10, 2001:db8:0:0:0:0:0:10",
    "2001:db8::10, [2001:db8::10]",
  })
  void trustedProxyForwardingHttpsIsSecureViaProxy(String trusted, String remote) {
    TransportPolicy policy = TransportPolicy.withTrustedProxies(trusted);
    assertThat(policy.decide(false, remote, "https")).isEqualTo(Decision.SECURE_VIA_PROXY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https", "HTTPS", " https ", "Https"})
  void acceptsForwardedProtoHttpsInAnyCaseFromTrustedProxy(String proto) {
    TransportPolicy policy = TransportPolicy.withTrustedProxies("10.0.0.0/8");
    assertThat(policy.decide(false, "10.0.0.1", proto)).isEqualTo(Decision.SECURE_VIA_PROXY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http", "", "ftp", "https,http", "http, https", "httpss"})
  void refusesTrustedProxyForwardingAnythingButHttps(String proto) {
    TransportPolicy policy = TransportPolicy.withTrustedProxies("10.0.0.0/8, 2001:db8::/32");
    assertThat(policy.decide(false, "10.0.0.1", proto)).isEqualTo(Decision.REFUSE);
    assertThat(policy.decide(false, "2001:db8::1", proto)).isEqualTo(Decision.REFUSE);
  }

  @Test
  void refusesTrustedProxyWithoutForwardedProto() {
    TransportPolicy policy = TransportPolicy.withTrustedProxies("10.0.0.0/8, 2001:db8::/32");
    assertThat(policy.decide(false, "10.0.0.1", null)).isEqualTo(Decision.REFUSE);
    assertThat(policy.decide(false, "2001:db8::1", null)).isEqualTo(Decision.REFUSE);
  }

  @Test
  void trustedLoopbackProxyWithoutForwardedProtoIsLoopbackPlaintext() {
    TransportPolicy policy = TransportPolicy.withTrustedProxies("127.0.0.1, ::1");
    assertThat(policy.decide(false, "127.0.0.1", null)).isEqualTo(Decision.LOOPBACK_PLAINTEXT);
    assertThat(policy.decide(false, "::1", null)).isEqualTo(Decision.LOOPBACK_PLAINTEXT);
  }

  @Test
  void trustedLoopbackProxyForwardingIsTrusted() {
    TransportPolicy policy = TransportPolicy.withTrustedProxies("127.0.0.0/8");
    assertThat(policy.decide(false, "127.0.0.1", "https")).isEqualTo(Decision.SECURE_VIA_PROXY);
    assertThat(policy.decide(false, "127.0.0.1", "http")).isEqualTo(Decision.REFUSE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"localhost", "app.example.com", "proxy.internal", "deadbeef", "[localhost]"})
  void refusesHostnameAsRemoteAddress(String remote) {
    TransportPolicy trustsEverything = TransportPolicy.withTrustedProxies("0.0.0.0/0, ::/0");
    assertThat(trustsEverything.decide(false, remote, "https")).isEqualTo(Decision.REFUSE);
    assertThat(NO_PROXIES.decide(false, remote, null)).isEqualTo(Decision.REFUSE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost",
        "app.example.com",
        "deadbeef",
        "1.2.3",
        "1.2.3.4.5",
        "999.1.1.1",
        "localhost:8080",
        "g::1",
        "zz:zz",
        "[localhost:1]",
        "fe80::1%eth0"
      })
  void neverTreatsHostnameAsLiteral(String text) {
    assertThat(TransportPolicy.literal(text)).isNull();
  }

  @ParameterizedTest
  @NullAndEmptySource
  void refusesMissingRemoteAddress(String remote) {
    TransportPolicy policy = TransportPolicy.withTrustedProxies("0.0.0.0/0, ::/0");
    assertThat(policy.decide(false, remote, "https")).isEqualTo(Decision.REFUSE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not-an-ip",
        "10.0.0.0/33",
        "10.0.0.0/-1",
        "10.0.0.0/",
        "10.0.0.0/eight",
        "2001:db8::/129",
        "proxy.internal",
        "10.0.0.0/8, not-an-ip"
      })
  void refusesInvalidTrustedProxyEntry(String config) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TransportPolicy.withTrustedProxies(config));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", " , ,"})
  void emptyTrustedProxyConfigTrustsNobody(String config) {
    TransportPolicy policy = TransportPolicy.withTrustedProxies(config);
    assertThat(policy.decide(false, "10.0.0.1", "https")).isEqualTo(Decision.REFUSE);
    assertThat(policy.decide(false, "127.0.0.1", "https")).isEqualTo(Decision.LOOPBACK_PLAINTEXT);
  }

  @ParameterizedTest
  @CsvSource({
    "10.0.0.0/8, 10.0.0.0, true",
    "10.0.0.0/8, 10.255.255.255, true",
    "10.0.0.0/8, 11.0.0.0, false",
    "10.0.0.0/8, 9.255.255.255, false",
    "192.0.2.128/25, 192.0.2.128, true",
    "192.0.2.128/25, 192.0.2.255, true",
    "192.0.2.128/25, 192.0.2.127, false",
    "192.0.2.10/32, 192.0.2.10, true",
    "192.0.2.10/32, 192.0.2.11, false",
    "192.0.2.10, 192.0.2.11, false",
    "0.0.0.0/0, 203.0.113.7, true",
    "0.0.0.0/0, 255.255.255.255, true",
    "0.0.0.0/0, 2001:db8::1, false",
    "10.0.0.0/8, 2001:db8::1, false",
    "::/0, 2001:db8::1, true",
    "::/0, fe80::1, true",
    "::/0, 203.0.113.7, false",
    "2001:db8::/32, 2001:db8:ffff:ffff:ffff:ffff:ffff:ffff, true",
    "2001:db8::/32, 2001:db9::, false",
    "2001:db8::/31, 2001:db9::1, true",
    "2001:db8::/31, 2001:dba::1, false",
    "2001:db8::/32, 10.0.0.1, false",
  })
  void prefixBoundariesAreExact(String trusted, String remote, boolean contained) {
    TransportPolicy policy = TransportPolicy.withTrustedProxies(trusted);
    Decision expected = contained ? Decision.SECURE_VIA_PROXY : Decision.REFUSE;
    assertThat(policy.decide(false, remote, "https")).isEqualTo(expected);
  }

  @Test
  void anyMatchingEntryOfSeveralIsTrusted() {
    TransportPolicy policy =
        TransportPolicy.withTrustedProxies(" 10.0.0.0/8 , 192.0.2.10,2001:db8::/32 ");
    assertThat(policy.decide(false, "10.9.8.7", "https")).isEqualTo(Decision.SECURE_VIA_PROXY);
    assertThat(policy.decide(false, "192.0.2.10", "https")).isEqualTo(Decision.SECURE_VIA_PROXY);
    assertThat(policy.decide(false, "2001:db8::2", "https")).isEqualTo(Decision.SECURE_VIA_PROXY);
    assertThat(policy.decide(false, "192.0.2.11", "https")).isEqualTo(Decision.REFUSE);
  }
}
