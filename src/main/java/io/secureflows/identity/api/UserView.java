package io.secureflows.identity.api;

import io.secureflows.identity.domain.EndUser;
import java.time.Instant;

/** A user as the admin API shows it: never the password hash. */
public record UserView(
    String id, String email, String status, boolean locked, int failedAttempts, Instant createdAt) {
  static UserView of(EndUser user, Instant now) {
    return new UserView(
        user.id().toString(),
        user.email(),
        user.status().externalName(),
        user.isLocked(now),
        user.failedAttempts(),
        user.createdAt());
  }
}
