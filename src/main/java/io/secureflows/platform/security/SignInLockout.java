package io.secureflows.platform.security;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * The brute-force state of one account (an end user's or an operator's), kept on the account's row:
 * consecutive failures and, past the {@link LockoutPolicy}'s threshold, when the lock ends. The
 * owning entity records its own change time; these methods say whether anything changed.
 */
@Embeddable
public class SignInLockout {

  @Column(name = "failed_attempts", nullable = false)
  private int failedAttempts;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  /** Whether sign-in is refused for now. */
  public boolean isLocked(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }

  /** A failed sign-in: counted, and past the threshold the account locks for a growing while. */
  public void recordFailure(LockoutPolicy policy, Instant now) {
    failedAttempts = failedAttempts == Integer.MAX_VALUE ? failedAttempts : failedAttempts + 1;
    Instant until = policy.lockedUntil(failedAttempts, now);
    if (until != null) {
      lockedUntil = until;
    }
  }

  /** Forgets the failures and lifts any lock; true if there was anything to forget. */
  public boolean reset() {
    boolean changed = failedAttempts != 0 || lockedUntil != null;
    failedAttempts = 0;
    lockedUntil = null;
    return changed;
  }

  public int failedAttempts() {
    return failedAttempts;
  }

  public Instant lockedUntil() {
    return lockedUntil;
  }
}
