package io.secureflows.session.api;

import io.secureflows.session.domain.UserSession;
import java.time.Instant;

/** {@code GET /api/v1/session}: the session the token opens. */
public record SessionView(
    String sessionId,
    String applicationId,
    String userId,
    Instant createdAt,
    Instant expiresAt,
    Long payloadVersion) {
  static SessionView of(UserSession session, Long payloadVersion) {
    return new SessionView(
        session.id().toString(),
        session.applicationId().toString(),
        session.userId().toString(),
        session.createdAt(),
        session.expiresAt(),
        payloadVersion);
  }
}
