package io.secureflows.identity.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LoginCookieTest {

  @Test
  void anIssuedCookieParsesBackToItsWorkspace() {
    UUID workspace = UUID.randomUUID();
    LoginCookie issued = LoginCookie.issue(workspace);
    assertThat(issued.value()).startsWith(workspace + ".").hasSizeLessThanOrEqualTo(128);
    assertThat(LoginCookie.parse(issued.value())).contains(issued);
  }

  @Test
  void twoIssuedCookiesDiffer() {
    UUID workspace = UUID.randomUUID();
    assertThat(LoginCookie.issue(workspace).value())
        .isNotEqualTo(LoginCookie.issue(workspace).value());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "no-dot-at-all",
        ".leading-dot",
        "01a242be-23bc-7656-9b04-a14f7f6338e2.",
        "not-a-uuid.secret",
        "01A242BE-23BC-7656-9B04-A14F7F6338E2.secret",
        "1-1-1-1-1.secret"
      })
  void anythingElseIsNoCookie(String value) {
    assertThat(LoginCookie.parse(value)).isEmpty();
  }

  @Test
  void anOverlongValueIsNoCookie() {
    assertThat(LoginCookie.parse(UUID.randomUUID() + "." + "x".repeat(100))).isEmpty();
  }
}
