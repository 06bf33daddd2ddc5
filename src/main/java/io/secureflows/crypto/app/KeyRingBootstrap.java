package io.secureflows.crypto.app;

import io.secureflows.platform.persistence.AdvisoryLock;
import io.secureflows.platform.persistence.StartupRefusal;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;

/**
 * After migrations: finishes a master-key rotation, rewrapping every workspace key wrapped by a
 * previous master key under the current one. Nodes starting together serialize on an advisory lock.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class KeyRingBootstrap {
  private static final Logger LOG = Logger.getLogger(KeyRingBootstrap.class.getName());
  private static final long BOOTSTRAP_LOCK = 0x5ecf_1005_0003L;

  @PersistenceContext EntityManager em;

  @Inject KeyRing keyRing;

  @PostConstruct
  void bootstrap() {
    try {
      AdvisoryLock.acquireForTransaction(em, BOOTSTRAP_LOCK);
      int rewrapped = keyRing.rewrapUnderCurrentMasterKey();
      if (rewrapped > 0) {
        LOG.info(
            "Master-key rotation: rewrapped "
                + rewrapped
                + " workspace key versions under the current master key");
      }
    } catch (RuntimeException e) {
      throw StartupRefusal.refuse(
          LOG, "the workspace keys could not be rewrapped under the current master key", e);
    }
  }
}
