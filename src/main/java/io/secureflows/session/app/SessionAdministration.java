package io.secureflows.session.app;

import io.secureflows.audit.ActorType;
import io.secureflows.audit.AuditLog;
import io.secureflows.audit.AuditRecord;
import io.secureflows.audit.Outcome;
import io.secureflows.platform.error.NotFoundException;
import io.secureflows.platform.tenancy.Caller;
import io.secureflows.platform.tenancy.CallerContext;
import io.secureflows.session.domain.UserSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Sessions as operators manage them, within the caller's scope; another workspace's session is not
 * found.
 */
@ApplicationScoped
@Transactional
public class SessionAdministration {

  @Inject CallerContext callers;

  @Inject SessionRegistry sessions;

  @Inject AuditLog auditLog;

  public void revoke(UUID workspaceId, UUID sessionId) {
    callers.requireManage(workspaceId, "Session");
    UserSession session =
        sessions.find(workspaceId, sessionId).orElseThrow(() -> new NotFoundException("Session"));
    sessions.signOut(workspaceId, sessionId);
    Caller caller = callers.require();
    auditLog.record(
        new AuditRecord(
            workspaceId,
            "api-key".equals(caller.kind()) ? ActorType.API_KEY : ActorType.OPERATOR,
            caller.id().toString(),
            "session.revoked",
            Outcome.SUCCESS,
            session.applicationId(),
            session.id(),
            "session:" + session.id(),
            null));
  }
}
