package io.secureflows.session.api;

import io.secureflows.session.app.SessionAdministration.SessionSummary;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;

/** A session in an operator's search ({@code state}: active, signed-out or expired). */
public record SessionSummaryView(
    String id,
    String userId,
    String applicationId,
    Instant createdAt,
    Instant lastSeenAt,
    Instant expiresAt,
    Instant signedOutAt,
    String state) {

  static SessionSummaryView of(SessionSummary session) {
    return new SessionSummaryView(
        session.id().toString(),
        session.userId().toString(),
        session.applicationId().toString(),
        session.createdAt(),
        session.lastSeenAt(),
        session.expiresAt(),
        session.signedOutAt(),
        session.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
  }

  /** A page: {@code {"items": [...], "next": cursor-or-null}}. */
  public record Page(List<SessionSummaryView> items, @JsonbNillable String next) {}
}
