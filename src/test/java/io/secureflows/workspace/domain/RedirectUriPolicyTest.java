package io.secureflows.workspace.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards redirect-URI registration: only exact, already-normal https, loopback http and (for
 * mobile) reverse-domain private-use URIs are accepted; every trick that relies on normalisation,
 * wildcards, user info or dangerous schemes is refused.
 */
class RedirectUriPolicyTest {

  private static final String HTTPS_PREFIX = "https://app.example.com/";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://app.example.com/callback",
        "https://app.example.com:8443/cb?x=1",
        "https://app.example.com",
        "https://app.example.com/a/b.c/cb?next=/x",
        "http://127.0.0.1:3000/cb",
        "http://127.0.0.1/cb",
        "http://[::1]/cb",
        "http://[::1]:8080/cb",
        "http://localhost:8080/cb",
      })
  void acceptsHttpsAndLoopbackHttpForEveryType(String uri) {
    for (ApplicationType type : ApplicationType.values()) {
      assertThat(RedirectUriPolicy.violation(uri, type)).as("%s for %s", uri, type).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "com.example.app:/oauth2redirect",
        "com.example.app:/oauth2redirect/example-provider",
        "io.secure-flows.app2:/cb?state=1",
      })
  void acceptsReverseDomainPrivateUseSchemeForMobile(String uri) {
    assertThat(RedirectUriPolicy.violation(uri, ApplicationType.MOBILE)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = ApplicationType.class,
      names = {"WEB", "AUTOMATION"})
  void refusesPrivateUseSchemeForNonMobile(ApplicationType type) {
    assertThat(RedirectUriPolicy.violation("com.example.app:/cb", type)).isPresent();
    assertThat(RedirectUriPolicy.violation("com.example.app:/oauth2redirect", type)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // fragment
        "https://app.example.com/cb#frag",
        "https://app.example.com/cb#",
        // wildcard anywhere
        "https://*.example.com/cb",
        "https://app.example.com/*",
        "https://app.example.com/cb?x=*",
        // plain http off loopback
        "http://app.example.com/cb",
        "http://localhost.evil.example/cb",
        "http://127.0.0.1.evil.example/cb",
        "http://10.0.0.1/cb",
        "http://[::2]/cb",
        // dangerous or non-hierarchical schemes
        "javascript:alert(1)",
        "data:text/html,x",
        "file:///etc/passwd",
        "ftp://app.example.com/cb",
        // not absolute
        "/cb",
        "cb",
        "//app.example.com/cb",
        // no host
        "https:///cb",
        "https:/cb",
        "https:app.example.com/cb",
        // user information
        "https://user@evil.example/cb",
        "https://app.example.com@evil.example/cb",
        "https://user:pass@app.example.com/cb",
        // dot segments, plain or encoded, including double encoding
        "https://app.example.com/a/../cb",
        "https://app.example.com/./cb",
        "https://app.example.com/cb/..",
        "https://app.example.com/a/%2e%2e/cb",
        "https://app.example.com/a/%2E%2E/cb",
        "https://app.example.com/a/.%2e/cb",
        "https://app.example.com/%2e/cb",
        "https://app.example.com/%252e%252e/cb",
        // case must already be normal
        "HTTPS://app.example.com/cb",
        "Https://app.example.com/cb",
        "https://APP.example.com/cb",
        "http://LOCALHOST/cb",
        // whitespace and control characters
        "https://app.example.com/c b",
        " https://app.example.com/cb",
        "https://app.example.com/cb ",
        "https://app.example.com/cb\n",
        "https://app.example.com/cb\r\nSet-Cookie:x=1",
        "https://app.example.com/\tcb",
        "https://app.example.com/\u0000cb",
        "https://app.example.com/\u007fcb",
        "https://app.example.com/\u0085cb",
        // non-ASCII
        "https://app.example.com/caf\u00e9",
        "https://\u0430pp.example.com/cb",
        "https://app.example.com/cb\u2028",
        "https://app.example.com/\ud83d\udd11",
        // not a URI at all
        "https://app.example.com/cb\\@evil.example",
        "https://app.example.com/%zz",
        "https://[::1/cb",
      })
  void refusesForWeb(String uri) {
    assertThat(RedirectUriPolicy.violation(uri, ApplicationType.WEB)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "data:text/html,x",
        "file:///etc/passwd",
        "myapp:/cb",
        "Com.Example.App:/cb",
        "com.example.app://host/cb",
        "com.example.app://user@host/cb",
        "com.example.app:/a/../cb",
        "com.example.app:/a/%2e%2e/cb",
        "com.example.app:/cb#frag",
        "com.example.*:/cb",
        "http://app.example.com/cb",
        "https://user@evil.example/cb",
      })
  void refusesForMobile(String uri) {
    assertThat(RedirectUriPolicy.violation(uri, ApplicationType.MOBILE)).isPresent();
  }

  @ParameterizedTest
  @MethodSource("everyType")
  void refusesNullAndEmpty(ApplicationType type) {
    assertThat(RedirectUriPolicy.violation(null, type)).isPresent();
    assertThat(RedirectUriPolicy.violation("", type)).isPresent();
  }

  @ParameterizedTest
  @MethodSource("everyType")
  void acceptsExactlyMaxLengthButNotOneMore(ApplicationType type) {
    String atLimit =
        HTTPS_PREFIX + "a".repeat(RedirectUriPolicy.MAX_LENGTH - HTTPS_PREFIX.length());
    String overLimit = atLimit + "a";
    assertThat(atLimit).hasSize(2000);
    assertThat(RedirectUriPolicy.violation(atLimit, type)).isEmpty();
    assertThat(RedirectUriPolicy.violation(overLimit, type)).isPresent();
  }

  @ParameterizedTest
  @MethodSource("everyType")
  void refusesVeryLongUri(ApplicationType type) {
    String huge = HTTPS_PREFIX + "a".repeat(100_000);
    assertThat(RedirectUriPolicy.violation(huge, type)).isPresent();
  }

  static Stream<Arguments> everyType() {
    return Stream.of(ApplicationType.values()).map(Arguments::of);
  }
}
