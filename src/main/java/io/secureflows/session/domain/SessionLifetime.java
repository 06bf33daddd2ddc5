package io.secureflows.session.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An application's session policy: a session ends {@code idle} after its last use or {@code max}
 * after its creation, whichever is first, and its data is destroyed {@code grace} after it ended.
 */
public record SessionLifetime(Duration idle, Duration max, Duration grace) {
  private static final Duration LONGEST_TOUCH_INTERVAL = Duration.ofSeconds(60);

  public SessionLifetime {
    Objects.requireNonNull(idle);
    Objects.requireNonNull(max);
    Objects.requireNonNull(grace);
    if (idle.isNegative() || idle.isZero() || max.compareTo(idle) < 0 || grace.isNegative()) {
      throw new IllegalArgumentException("a lifetime needs 0 < idle <= max and grace >= 0");
    }
  }

  public static SessionLifetime ofSeconds(long idle, long max, long grace) {
    return new SessionLifetime(
        Duration.ofSeconds(idle), Duration.ofSeconds(max), Duration.ofSeconds(grace));
  }

  /** When a session created and last used at these times ends. */
  public Instant endOf(Instant createdAt, Instant lastSeenAt) {
    Instant absolute = createdAt.plus(max);
    Instant idleEnd = lastSeenAt.plus(idle);
    return absolute.isBefore(idleEnd) ? absolute : idleEnd;
  }

  /**
   * How stale the recorded last use may get before a call writes it again: a tenth of the idle
   * lifetime (at least a second, at most a minute), so reads stay cheap and an active session does
   * not end early by more than that.
   */
  public Duration touchInterval() {
    Duration tenth = idle.dividedBy(10);
    if (tenth.compareTo(Duration.ofSeconds(1)) < 0) {
      return Duration.ofSeconds(1);
    }
    return tenth.compareTo(LONGEST_TOUCH_INTERVAL) > 0 ? LONGEST_TOUCH_INTERVAL : tenth;
  }
}
