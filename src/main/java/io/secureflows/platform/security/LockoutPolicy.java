package io.secureflows.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The brute-force rule for one account: after {@code threshold} consecutive failed sign-ins the
 * account is locked for {@code firstLock}; every further failure past the threshold doubles the
 * lock, up to {@code maxLock}. A success resets the count. While locked, sign-in answers exactly
 * like a wrong password, so a lock tells an attacker nothing.
 */
public record LockoutPolicy(int threshold, Duration firstLock, Duration maxLock) {

  /** Five failures, then one minute, doubling to at most one hour. */
  public static final LockoutPolicy DEFAULT =
      new LockoutPolicy(5, Duration.ofMinutes(1), Duration.ofHours(1));

  public LockoutPolicy {
    Objects.requireNonNull(firstLock);
    Objects.requireNonNull(maxLock);
    if (threshold < 1
        || firstLock.isNegative()
        || firstLock.isZero()
        || maxLock.compareTo(firstLock) < 0) {
      throw new IllegalArgumentException("invalid lockout policy");
    }
  }

  /**
   * When an account with {@code failures} consecutive failures (this one included) stays locked
   * until, or null when it is not locked yet.
   */
  public Instant lockedUntil(int failures, Instant now) {
    if (failures < threshold) {
      return null;
    }
    int doublings = Math.min(failures - threshold, 30);
    Duration lock = firstLock.multipliedBy(1L << doublings);
    return now.plus(lock.compareTo(maxLock) > 0 ? maxLock : lock);
  }
}
