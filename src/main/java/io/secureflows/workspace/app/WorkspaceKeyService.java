package io.secureflows.workspace.app;

import io.secureflows.audit.AuditLog;
import io.secureflows.audit.AuditRecord;
import io.secureflows.crypto.app.KeyRing;
import io.secureflows.crypto.app.KeyStatus;
import io.secureflows.platform.error.InvalidInputException;
import io.secureflows.platform.tenancy.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/** A workspace's key versions as operators manage them: status, rotate, retire, destroy. */
@ApplicationScoped
@Transactional
public class WorkspaceKeyService {
  private static final Logger LOG = Logger.getLogger(WorkspaceKeyService.class.getName());

  @Inject CallerContext callers;

  @Inject WorkspaceService workspaces;

  @Inject KeyRing keyRing;

  @Inject AuditLog auditLog;

  public List<KeyStatus> status(UUID workspaceId) {
    workspaces.get(workspaceId);
    return keyRing.status(workspaceId);
  }

  public List<KeyStatus> rotate(UUID workspaceId) {
    callers.requireManage(workspaceId, "Workspace");
    workspaces.get(workspaceId);
    keyRing.rotate(workspaceId);
    audit(workspaceId, "key.rotated", "workspace:" + workspaceId);
    return keyRing.status(workspaceId);
  }

  public List<KeyStatus> retire(UUID workspaceId, int version) {
    callers.requireManage(workspaceId, "Workspace");
    workspaces.get(workspaceId);
    keyRing.retire(workspaceId, version);
    audit(workspaceId, "key.retired", "key-version:" + version);
    return keyRing.status(workspaceId);
  }

  /**
   * Crypto-shredding. Irreversible, so the caller confirms by repeating the workspace id.
   *
   * @throws InvalidInputException unless {@code confirmation} is the workspace id
   */
  public List<KeyStatus> destroy(UUID workspaceId, String confirmation) {
    if (confirmation == null || !workspaceId.toString().equals(confirmation.strip())) {
      throw InvalidInputException.of(
          "confirm", "destroying keys is irreversible: repeat the workspace id to confirm");
    }
    callers.requireManage(workspaceId, "Workspace");
    workspaces.get(workspaceId);
    auditLog.recordBeforeProceeding(
        AuditRecord.byCaller(
            callers.require(),
            workspaceId,
            "key.destroyed",
            null,
            null,
            "workspace:" + workspaceId,
            null));
    keyRing.destroyAll(workspaceId);
    LOG.warning(
        "Workspace "
            + workspaceId
            + ": all keys destroyed (crypto-shredded) by "
            + callers.require().kind()
            + " "
            + callers.require().id());
    return keyRing.status(workspaceId);
  }

  private void audit(UUID workspaceId, String action, String target) {
    auditLog.record(
        AuditRecord.byCaller(callers.require(), workspaceId, action, null, null, target, null));
  }
}
