package io.secureflows.session.app;

import io.secureflows.audit.ActorType;
import io.secureflows.audit.AuditLog;
import io.secureflows.audit.AuditRecord;
import io.secureflows.audit.Outcome;
import io.secureflows.platform.error.ReauthenticationRequiredException;
import io.secureflows.platform.tenancy.SessionGate;
import io.secureflows.platform.tenancy.TenantContext.LiveSession;
import io.secureflows.session.domain.UserSession;
import io.secureflows.workspace.app.ApplicationService;
import io.secureflows.workspace.domain.Application;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotAuthorizedException;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Admits a verified sessionToken into its live session, or refuses: the token's workspace, session,
 * audience and generation come from its verified claims only. A token whose session was signed out,
 * ended or erased answers 410 (sign in again, nothing lost); a token whose audience is not the
 * session's application answers 401, and so does a token presented by another application of the
 * workspace: a back end that names another client id, or a browser page of another origin.
 * (SECURITY-TESTS case 3.) The {@code @TenantScoped} interceptor calls {@link #admit} inside the
 * token's workspace before any session API resource runs.
 */
@ApplicationScoped
@Transactional
public class SessionAccess implements SessionGate {

  @Inject SessionRegistry sessions;

  @Inject ApplicationService applications;

  @Inject Clock clock;

  @Inject AuditLog auditLog;

  @Inject SessionPayloadService payloads;

  /** The verified claims this service relies on. */
  record TokenClaims(String workspaceId, String sessionId, Set<String> audience, Long generation) {
    static TokenClaims of(JsonWebToken token) {
      Object generation = token.getClaim("gen");
      Long gen =
          generation instanceof JsonNumber number
              ? Long.valueOf(number.longValue())
              : generation instanceof Number number ? Long.valueOf(number.longValue()) : null;
      return new TokenClaims(
          text(token.getClaim("wid")), text(token.getClaim("sid")), token.getAudience(), gen);
    }

    private static String text(Object claim) {
      return claim instanceof JsonString json
          ? json.getString()
          : claim == null ? null : claim.toString();
    }
  }

  /** The live session the token opens; touches its last use. */
  @Override
  public LiveSession admit(JsonWebToken token, SessionGate.Presenter presenter) {
    TokenClaims claims = TokenClaims.of(token);
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
    if (presenter.clientId() != null && !presenter.clientId().equals(application.clientId())) {
      throw new NotAuthorizedException("Bearer");
    }
    if (presenter.origin() != null && !application.servesOrigin(presenter.origin())) {
      throw new NotAuthorizedException("Bearer");
    }
    if (claims.generation() == null || !session.acceptsGeneration(claims.generation())) {
      throw new ReauthenticationRequiredException("The session was signed out.");
    }
    var now = clock.instant();
    if (!session.isAlive(now)) {
      throw new ReauthenticationRequiredException(
          "The session ended under the application's policy.");
    }
    session.seenAt(now, SessionRegistry.lifetimeOf(application));
    return new LiveSession(
        session.workspaceId(),
        session.applicationId(),
        session.userId(),
        session.id(),
        application.payloadMaxBytes());
  }

  /** The session and its payload are erased (the payload's data key goes with its row). */
  public void erase(LiveSession session) {
    payloads.delete(session.workspaceId(), session.sessionId());
    sessions.erase(session.workspaceId(), session.sessionId());
    auditLog.record(userAction(session, "session.erased"));
  }

  /** Every token of the session stops working; the session and its payload stay. */
  public void signOut(LiveSession session) {
    sessions.signOut(session.workspaceId(), session.sessionId());
    auditLog.record(userAction(session, "session.signed_out"));
  }

  private static AuditRecord userAction(LiveSession session, String action) {
    return new AuditRecord(
        session.workspaceId(),
        ActorType.USER,
        session.userId().toString(),
        action,
        Outcome.SUCCESS,
        session.applicationId(),
        session.sessionId(),
        "session:" + session.sessionId(),
        null);
  }

  private static UUID uuid(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ReauthenticationRequiredException("The token does not name a session.");
    }
  }
}
