package io.secureflows.identity.app;

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
 * At start-up, after the workspace keys: finishes a master-key rotation for the signing keys and
 * makes sure one key signs. Nodes starting together serialize on an advisory lock.
 */
@Singleton
@Startup
@DependsOn("KeyRingBootstrap")
public class SigningKeyBootstrap {
  private static final Logger LOG = Logger.getLogger(SigningKeyBootstrap.class.getName());
  private static final long BOOTSTRAP_LOCK = 0x5ecf_1005_0005L;

  @PersistenceContext EntityManager em;

  @Inject SigningKeys signingKeys;

  @Inject JwksPublisher jwks;

  @PostConstruct
  void bootstrap() {
    try {
      AdvisoryLock.acquireForTransaction(em, BOOTSTRAP_LOCK);
      int rewrapped = signingKeys.rewrapUnderCurrentMasterKey();
      if (rewrapped > 0) {
        LOG.info("Master-key rotation: rewrapped " + rewrapped + " signing keys");
      }
      signingKeys.ensureActiveKey();
      jwks.publish();
    } catch (RuntimeException e) {
      throw StartupRefusal.refuse(LOG, "the token signing keys could not be prepared", e);
    }
  }
}
