package io.secureflows.operator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secureflows.platform.security.LockoutPolicy;
import io.secureflows.platform.tenancy.OperatorRole;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The invariants a console account keeps by itself. */
class OperatorTest {
  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  private static Operator admin() {
    return new Operator("alice", "hash", OperatorRole.PLATFORM_OPERATOR, null, NOW);
  }

  @Test
  void aRoleAndItsWorkspaceMustFit() {
    assertThatThrownBy(() -> new Operator("bob", "hash", OperatorRole.WORKSPACE_ADMIN, null, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Operator("bob", "hash", OperatorRole.PLATFORM_OPERATOR, UUID.randomUUID(), NOW))
        .isInstanceOf(IllegalArgumentException.class);
    Operator operator = admin();
    assertThatThrownBy(() -> operator.changeRole(OperatorRole.WORKSPACE_ADMIN, null, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(operator.role()).isEqualTo(OperatorRole.PLATFORM_OPERATOR);
  }

  @Test
  void usernamesAreLowerCaseAndPlain() {
    assertThatThrownBy(
            () -> new Operator("Alice", "hash", OperatorRole.PLATFORM_OPERATOR, null, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Operator("a b", "hash", OperatorRole.PLATFORM_OPERATOR, null, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fiveFailuresLockTheAccountAndASuccessForgetsThem() {
    Operator operator = admin();
    for (int i = 0; i < 4; i++) {
      operator.recordFailedSignIn(LockoutPolicy.DEFAULT, NOW);
    }
    assertThat(operator.isLocked(NOW)).isFalse();
    operator.recordFailedSignIn(LockoutPolicy.DEFAULT, NOW);
    assertThat(operator.isLocked(NOW)).isTrue();
    assertThat(operator.isLocked(NOW.plus(Duration.ofMinutes(2)))).isFalse();
    operator.unlock(NOW);
    assertThat(operator.isLocked(NOW)).isFalse();
  }

  @Test
  void anAuthenticatorCodeSignsInOnce() {
    Operator operator = admin();
    operator.enrolTotp(new byte[] {1, 2, 3}, "master-1", NOW);
    operator.useTotpStep(100, NOW);
    assertThatThrownBy(() -> operator.useTotpStep(100, NOW))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> operator.useTotpStep(99, NOW))
        .isInstanceOf(IllegalStateException.class);
    operator.useTotpStep(101, NOW);
    assertThat(operator.totpLastStep()).isEqualTo(101);
  }

  @Test
  void theWrappedSecretIsCopiedInAndOut() {
    Operator operator = admin();
    byte[] wrapped = {1, 2, 3};
    operator.enrolTotp(wrapped, "master-1", NOW);
    wrapped[0] = 9;
    byte[] read = operator.wrappedTotpSecret().orElseThrow();
    assertThat(read[0]).isEqualTo((byte) 1);
    read[1] = 9;
    assertThat(operator.wrappedTotpSecret().orElseThrow()[1]).isEqualTo((byte) 2);
    operator.removeTotp(NOW);
    assertThat(operator.hasTotp()).isFalse();
    assertThat(operator.totpMasterKeyId()).isNull();
  }
}
