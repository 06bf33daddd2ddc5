package io.secureflows.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secureflows.platform.security.LockoutPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The brute-force lock: threshold, escalation, cap, reset on success, and the account state it
 * drives.
 */
class LockoutPolicyTest {
  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  private static final LockoutPolicy POLICY = LockoutPolicy.DEFAULT;

  @Test
  void noLockBelowTheThreshold() {
    for (int failures = 1; failures < 5; failures++) {
      assertThat(POLICY.lockedUntil(failures, NOW)).isNull();
    }
  }

  @Test
  void lockEscalatesByDoublingUpToTheCap() {
    assertThat(POLICY.lockedUntil(5, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
    assertThat(POLICY.lockedUntil(6, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
    assertThat(POLICY.lockedUntil(7, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(4)));
    assertThat(POLICY.lockedUntil(11, NOW)).isEqualTo(NOW.plus(Duration.ofHours(1)));
    assertThat(POLICY.lockedUntil(Integer.MAX_VALUE, NOW)).isEqualTo(NOW.plus(Duration.ofHours(1)));
  }

  @Test
  void accountLocksAfterRepeatedFailuresAndUnlocksOnSuccessOrExpiry() {
    EndUser user = new EndUser(UUID.randomUUID(), "a@example.com", "$argon2id$hash", NOW);
    for (int i = 0; i < 4; i++) {
      user.recordFailedSignIn(POLICY, NOW);
    }
    assertThat(user.isLocked(NOW)).isFalse();
    user.recordFailedSignIn(POLICY, NOW);
    assertThat(user.isLocked(NOW)).isTrue();
    assertThat(user.isLocked(NOW.plus(Duration.ofSeconds(61)))).isFalse();
    assertThat(user.failedAttempts()).isEqualTo(5);

    user.recordSuccessfulSignIn(NOW.plus(Duration.ofMinutes(2)));
    assertThat(user.failedAttempts()).isZero();
    assertThat(user.isLocked(NOW.plus(Duration.ofMinutes(2)))).isFalse();
  }

  @Test
  void unlockForgetsTheFailures() {
    EndUser user = new EndUser(UUID.randomUUID(), "b@example.com", "$argon2id$hash", NOW);
    for (int i = 0; i < 6; i++) {
      user.recordFailedSignIn(POLICY, NOW);
    }
    assertThat(user.isLocked(NOW)).isTrue();
    user.unlock(NOW);
    assertThat(user.isLocked(NOW)).isFalse();
    assertThat(user.failedAttempts()).isZero();
  }

  @Test
  void refusesNonsensePolicies() {
    assertThatThrownBy(() -> new LockoutPolicy(0, Duration.ofMinutes(1), Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LockoutPolicy(5, Duration.ofHours(2), Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
