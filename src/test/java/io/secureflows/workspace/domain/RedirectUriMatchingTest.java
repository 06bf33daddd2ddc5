package io.secureflows.workspace.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Redirect-URI matching at authorization time (SECURITY-TESTS case 10): exact string match only,
 * with RFC 8252's loopback port exception for mobile applications. Every refusal here must never
 * produce a redirect.
 */
class RedirectUriMatchingTest {
  private static final List<String> REGISTERED =
      List.of("https://app.example.com/callback", "https://app.example.com/other?tenant=1");

  @Test
  void exactRegisteredUriMatches() {
    assertThat(
            RedirectUriPolicy.matches(
                REGISTERED, "https://app.example.com/callback", ApplicationType.WEB))
        .isTrue();
    assertThat(
            RedirectUriPolicy.matches(
                REGISTERED, "https://app.example.com/other?tenant=1", ApplicationType.WEB))
        .isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "https://evil.example/callback",
        "https://app.example.com.evil.tld/callback",
        "https://app.example.com@evil.example/callback",
        "https://user@app.example.com/callback",
        "https://app.example.com/callback/../admin",
        "https://app.example.com/x/%2E%2E/callback",
        "https://app.example.com/%252E%252E/callback",
        "https://APP.example.com/callback",
        "HTTPS://app.example.com/callback",
        "https://app.example.com/Callback",
        "https://app.example.com/callback?extra=1",
        "https://app.example.com/callback#fragment",
        "https://app.example.com/callback/",
        "https://app.example.com:443/callback",
        "https://app.example.com/callbackx",
        "https://app.example.com/call",
        "http://app.example.com/callback",
        "javascript:alert(1)//https://app.example.com/callback",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "https://app.example.com/other?tenant=2",
        "https://app.example.com/other?tenant=1&x=y",
        " https://app.example.com/callback",
        "https://app.example.com/callback%00"
      })
  void anythingButAnExactMatchIsRefused(String requested) {
    assertThat(RedirectUriPolicy.matches(REGISTERED, requested, ApplicationType.WEB)).isFalse();
    assertThat(RedirectUriPolicy.matches(REGISTERED, requested, ApplicationType.MOBILE)).isFalse();
  }

  @Test
  void mobileLoopbackRedirectMayChangeOnlyThePort() {
    List<String> registered =
        List.of("http://127.0.0.1/oauth2redirect", "http://[::1]:8080/cb?x=1");
    assertThat(
            RedirectUriPolicy.matches(
                registered, "http://127.0.0.1:51234/oauth2redirect", ApplicationType.MOBILE))
        .isTrue();
    assertThat(
            RedirectUriPolicy.matches(
                registered, "http://[::1]:9999/cb?x=1", ApplicationType.MOBILE))
        .isTrue();
    assertThat(
            RedirectUriPolicy.matches(
                registered, "http://127.0.0.1:51234/other", ApplicationType.MOBILE))
        .isFalse();
    assertThat(
            RedirectUriPolicy.matches(
                registered, "http://127.0.0.1:51234/oauth2redirect?x", ApplicationType.MOBILE))
        .isFalse();
    assertThat(
            RedirectUriPolicy.matches(
                registered, "http://localhost:51234/oauth2redirect", ApplicationType.MOBILE))
        .isFalse();
    assertThat(
            RedirectUriPolicy.matches(
                registered, "http://[::1]:9999/cb?x=1#f", ApplicationType.MOBILE))
        .isFalse();
    assertThat(
            RedirectUriPolicy.matches(
                registered, "http://u@127.0.0.1:1/oauth2redirect", ApplicationType.MOBILE))
        .isFalse();
  }

  @Test
  void webApplicationsGetNoPortException() {
    List<String> registered = List.of("http://127.0.0.1:3000/cb");
    assertThat(
            RedirectUriPolicy.matches(registered, "http://127.0.0.1:3000/cb", ApplicationType.WEB))
        .isTrue();
    assertThat(
            RedirectUriPolicy.matches(registered, "http://127.0.0.1:3001/cb", ApplicationType.WEB))
        .isFalse();
  }

  @Test
  void privateUseSchemeMatchesExactlyOnly() {
    List<String> registered = List.of("com.example.app:/oauth2redirect");
    assertThat(
            RedirectUriPolicy.matches(
                registered, "com.example.app:/oauth2redirect", ApplicationType.MOBILE))
        .isTrue();
    assertThat(
            RedirectUriPolicy.matches(
                registered, "com.example.app://oauth2redirect", ApplicationType.MOBILE))
        .isFalse();
    assertThat(
            RedirectUriPolicy.matches(
                registered, "com.example.evil:/oauth2redirect", ApplicationType.MOBILE))
        .isFalse();
  }
}
