package io.secureflows.workspace.app;

import io.secureflows.crypto.app.KeyRing;
import io.secureflows.platform.persistence.AdvisoryLock;
import io.secureflows.platform.persistence.StartupRefusal;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Gives key version 1 to every workspace that has none: workspaces created before encryption
 * existed (release 0.1.0). New workspaces get theirs when they are created.
 */
@Singleton
@Startup
@DependsOn("KeyRingBootstrap")
public class WorkspaceKeyBootstrap {
  private static final Logger LOG = Logger.getLogger(WorkspaceKeyBootstrap.class.getName());
  private static final long BOOTSTRAP_LOCK = 0x5ecf_1005_0004L;

  @PersistenceContext EntityManager em;

  @Inject KeyRing keyRing;

  @PostConstruct
  void bootstrap() {
    try {
      AdvisoryLock.acquireForTransaction(em, BOOTSTRAP_LOCK);
      List<UUID> keyless =
          em.createQuery("select w.id from Workspace w", UUID.class).getResultList().stream()
              .filter(id -> !keyRing.hasKeys(id))
              .toList();
      keyless.forEach(keyRing::createFirstVersion);
      if (!keyless.isEmpty()) {
        LOG.info("Created key version 1 for " + keyless.size() + " workspaces");
      }
    } catch (RuntimeException e) {
      throw StartupRefusal.refuse(LOG, "workspace keys could not be created", e);
    }
  }
}
