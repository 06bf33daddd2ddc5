package io.secureflows.platform.tenancy;

import jakarta.enterprise.context.RequestScoped;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The session a sessionToken opened in this request, filled by the {@link TenantScoped} interceptor
 * from the verified token only. Resources of the session API read it instead of any id a client
 * sends.
 */
@RequestScoped
public class TenantContext {

  /** A session found live, with the limits its application sets. */
  public record LiveSession(
      UUID workspaceId, UUID applicationId, UUID userId, UUID sessionId, int payloadMaxBytes) {
    public LiveSession {
      Objects.requireNonNull(workspaceId);
      Objects.requireNonNull(applicationId);
      Objects.requireNonNull(userId);
      Objects.requireNonNull(sessionId);
    }
  }

  private LiveSession session;

  private UUID workspace;

  /** The first workspace this request entered, for the access log. */
  void entered(UUID entered) {
    if (workspace == null) {
      workspace = entered;
    }
  }

  /** The workspace the request worked in, if it entered one. */
  public Optional<UUID> workspace() {
    return Optional.ofNullable(workspace);
  }

  void admit(LiveSession live) {
    if (session != null && !session.equals(live)) {
      throw new IllegalStateException("a request opens one session");
    }
    session = live;
  }

  /** The request's live session; only under {@link TenantScoped} with a sessionToken. */
  public LiveSession session() {
    if (session == null) {
      throw new IllegalStateException("no session was admitted in this request");
    }
    return session;
  }

  public Optional<LiveSession> current() {
    return Optional.ofNullable(session);
  }
}
