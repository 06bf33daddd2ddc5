package io.secureflows.workspace.app;

import io.secureflows.crypto.app.KeyRing;
import io.secureflows.crypto.app.KeyStatus;
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

  public List<KeyStatus> status(UUID workspaceId) {
    workspaces.get(workspaceId);
    return keyRing.status(workspaceId);
  }

  public List<KeyStatus> rotate(UUID workspaceId) {
    callers.requireManage(workspaceId, "Workspace");
    workspaces.get(workspaceId);
    keyRing.rotate(workspaceId);
    LOG.info(
        "Workspace "
            + workspaceId
            + ": key rotated by "
            + callers.require().kind()
            + " "
            + callers.require().id());
    return keyRing.status(workspaceId);
  }

  public List<KeyStatus> retire(UUID workspaceId, int version) {
    callers.requireManage(workspaceId, "Workspace");
    workspaces.get(workspaceId);
    keyRing.retire(workspaceId, version);
    LOG.info(
        "Workspace "
            + workspaceId
            + ": key version "
            + version
            + " retired by "
            + callers.require().kind()
            + " "
            + callers.require().id());
    return keyRing.status(workspaceId);
  }

  /** Crypto-shredding. Irreversible; the caller has confirmed by naming the workspace id. */
  public List<KeyStatus> destroy(UUID workspaceId) {
    callers.requireManage(workspaceId, "Workspace");
    workspaces.get(workspaceId);
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
}
