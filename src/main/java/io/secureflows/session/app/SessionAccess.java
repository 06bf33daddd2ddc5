package io.secureflows.session.app;

import io.secureflows.audit.ActorType;
import io.secureflows.audit.AuditLog;
import io.secureflows.audit.AuditRecord;
import io.secureflows.audit.Outcome;
import io.secureflows.platform.error.ReauthenticationRequiredException;
import io.secureflows.session.domain.UserSession;
import io.secureflows.workspace.app.ApplicationService;
import io.secureflows.workspace.domain.Application;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotAuthorizedException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a verified sessionToken into its live session, or refuses: the token's workspace, session,
 * audience and generation come from its verified claims only. A token whose session was signed out,
 * ended or erased answers 410 (sign in again, nothing lost); a token whose audience is not the
 * session's application answers 401.
 */
@ApplicationScoped
@Transactional
public class SessionAccess {

  @Inject SessionRegistry sessions;

  @Inject ApplicationService applications;

  @Inject Clock clock;

  @Inject AuditLog auditLog;

  @Inject SessionPayloadService payloads;

  /** The verified claims this service relies on. */
  public record TokenClaims(
      String workspaceId, String sessionId, Set<String> audience, Long generation) {}

  /** A live session and the size limit its application sets for payloads. */
  public record LiveSession(UserSession session, int payloadMaxBytes) {}

  /** The live session a token opens; touches its last use. */
  public UserSession open(TokenClaims claims) {
    return openLive(claims).session();
  }

  /** {@link #open}, with what the application allows, from the one lookup it makes anyway. */
  public LiveSession openLive(TokenClaims claims) {
    UUID workspace = uuid(claims.workspaceId());
    UUID sessionId = uuid(claims.sessionId());
    UserSession session =
        sessions
            .find(workspace, sessionId)
            .orElseThrow(
                () -> new ReauthenticationRequiredException("The session no longer exists."));
    Application application =
        applications
            .findForSession(workspace, session.applicationId())
            .orElseThrow(
                () -> new ReauthenticationRequiredException("The application no longer exists."));
    if (claims.audience() == null || !claims.audience().contains(application.clientId())) {
      throw new NotAuthorizedException("Bearer");
    }
    if (claims.generation() == null || !session.acceptsGeneration(claims.generation())) {
      throw new ReauthenticationRequiredException("The session was signed out.");
    }
    var now = clock.instant();
    if (!session.isAlive(Duration.ofSeconds(application.sessionIdleTtlSeconds()), now)) {
      throw new ReauthenticationRequiredException(
          "The session ended under the application's policy.");
    }
    session.seenAt(now);
    return new LiveSession(session, application.payloadMaxBytes());
  }

  /** The session and its payload are erased (the payload's data key goes with its row). */
  public void erase(TokenClaims claims) {
    UserSession session = open(claims);
    payloads.delete(session.workspaceId(), session.id());
    sessions.erase(session.workspaceId(), session.id());
    auditLog.record(
        new AuditRecord(
            session.workspaceId(),
            ActorType.USER,
            session.userId().toString(),
            "session.erased",
            Outcome.SUCCESS,
            session.applicationId(),
            session.id(),
            "session:" + session.id(),
            null));
  }

  /** Every token of the session stops working; the session and its payload stay. */
  public void signOut(TokenClaims claims) {
    UserSession session = open(claims);
    sessions.signOut(session.workspaceId(), session.id());
    auditLog.record(
        new AuditRecord(
            session.workspaceId(),
            ActorType.USER,
            session.userId().toString(),
            "session.signed_out",
            Outcome.SUCCESS,
            session.applicationId(),
            session.id(),
            "session:" + session.id(),
            null));
  }

  private static UUID uuid(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ReauthenticationRequiredException("The token does not name a session.");
    }
  }
}
