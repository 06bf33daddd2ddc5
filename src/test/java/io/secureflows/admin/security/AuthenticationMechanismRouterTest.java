package io.secureflows.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which requests the console's sign-in guards, and which stay with MicroProfile JWT. */
class AuthenticationMechanismRouterTest {

  @Test
  void theConsoleAndEverythingUnderItUseTheConsoleSignIn() {
    assertThat(AuthenticationMechanismRouter.isConsolePath("/admin", null)).isTrue();
    assertThat(AuthenticationMechanismRouter.isConsolePath("/admin/sessions.xhtml", null)).isTrue();
    assertThat(AuthenticationMechanismRouter.isConsolePath("/admin", "/export")).isTrue();
  }

  @Test
  void theApiAndLookalikePathsNeverAcceptAConsoleSession() {
    assertThat(AuthenticationMechanismRouter.isConsolePath("/api", "/v1/admin/workspaces"))
        .isFalse();
    assertThat(AuthenticationMechanismRouter.isConsolePath("/administrator.xhtml", null)).isFalse();
    assertThat(AuthenticationMechanismRouter.isConsolePath("/admin.xhtml", null)).isFalse();
    assertThat(AuthenticationMechanismRouter.isConsolePath("/login/authorize", null)).isFalse();
    assertThat(AuthenticationMechanismRouter.isConsolePath("", "/admin")).isTrue();
  }
}
