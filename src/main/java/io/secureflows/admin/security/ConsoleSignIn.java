package io.secureflows.admin.security;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * What a console HTTP session remembers of its sign-in: whose it is and when it began. The account
 * itself is read again on every request, so nothing here can grant more than the account has now.
 */
public record ConsoleSignIn(UUID operatorId, String username, Instant signedInAt)
    implements Serializable {
  /** A console session ends this long after sign-in, however active (idle ends it sooner). */
  public static final Duration MAX_AGE = Duration.ofHours(8);

  public static final String SESSION_ATTRIBUTE = ConsoleSignIn.class.getName();

  boolean isExpired(Instant now) {
    return !signedInAt.plus(MAX_AGE).isAfter(now);
  }
}
