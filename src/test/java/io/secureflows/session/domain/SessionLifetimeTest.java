package io.secureflows.session.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionLifetimeTest {
  private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

  @Test
  void aSessionEndsAtTheEarlierOfIdleAndAbsoluteEnd() {
    SessionLifetime lifetime = SessionLifetime.ofSeconds(600, 3600, 0);
    assertThat(lifetime.endOf(T0, T0)).isEqualTo(T0.plusSeconds(600));
    assertThat(lifetime.endOf(T0, T0.plusSeconds(3500))).isEqualTo(T0.plusSeconds(3600));
  }

  @Test
  void theTouchIntervalIsATenthOfIdleBetweenOneSecondAndOneMinute() {
    assertThat(SessionLifetime.ofSeconds(5, 5, 0).touchInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(SessionLifetime.ofSeconds(300, 300, 0).touchInterval())
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(SessionLifetime.ofSeconds(86_400, 86_400, 0).touchInterval())
        .isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void useExtendsTheEndAndGraceDelaysThePurge() {
    SessionLifetime lifetime = SessionLifetime.ofSeconds(10, 100, 30);
    UserSession session =
        new UserSession(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), lifetime, T0);
    assertThat(session.expiresAt()).isEqualTo(T0.plusSeconds(10));
    assertThat(session.purgeAfter()).isEqualTo(T0.plusSeconds(40));
    session.seenAt(T0.plusMillis(500), lifetime);
    assertThat(session.expiresAt()).as("within the touch interval").isEqualTo(T0.plusSeconds(10));
    session.seenAt(T0.plusSeconds(8), lifetime);
    assertThat(session.expiresAt()).isEqualTo(T0.plusSeconds(18));
    assertThat(session.isAlive(T0.plusSeconds(17))).isTrue();
    assertThat(session.isAlive(T0.plusSeconds(18))).isFalse();
    session.applyPolicy(SessionLifetime.ofSeconds(1, 1, 0));
    assertThat(session.expiresAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(session.purgeAfter()).isEqualTo(session.expiresAt());
  }

  @Test
  void nonsensePoliciesAreRefused() {
    assertThatThrownBy(() -> SessionLifetime.ofSeconds(0, 10, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SessionLifetime.ofSeconds(10, 5, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SessionLifetime.ofSeconds(10, 10, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
