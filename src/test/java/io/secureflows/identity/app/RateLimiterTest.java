package io.secureflows.identity.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The sign-in rate limits: per address and per application, one-minute windows, Retry-After to the
 * window's end.
 */
class RateLimiterTest {
  private Instant now = Instant.parse("2026-12-04T12:00:00Z");

  private RateLimiter limiter(int perAddress, int perApplication) {
    RateLimiter limiter = new RateLimiter();
    limiter.perAddress = perAddress;
    limiter.perApplication = perApplication;
    limiter.clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now;
          }
        };
    return limiter;
  }

  @Test
  void admitsUpToTheLimitThenAsksToWaitForTheWindowsEnd() {
    RateLimiter limiter = limiter(100, 3);
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.admit("10.0.0.1", "app")).isEmpty();
    }
    now = now.plusSeconds(20);
    assertThat(limiter.admit("10.0.0.1", "app")).contains(41L);
    assertThat(limiter.admit("10.0.0.2", "other-app"))
        .as("other applications are not affected")
        .isEmpty();
    now = now.plus(Duration.ofSeconds(41));
    assertThat(limiter.admit("10.0.0.1", "app")).as("a new window").isEmpty();
  }

  @Test
  void oneAddressIsLimitedAcrossApplications() {
    RateLimiter limiter = limiter(2, 100);
    assertThat(limiter.admit("10.0.0.1", "a")).isEmpty();
    assertThat(limiter.admit("10.0.0.1", "b")).isEmpty();
    assertThat(limiter.admit("10.0.0.1", "c")).isPresent();
    assertThat(limiter.admit("10.0.0.9", "c")).isEmpty();
  }
}
