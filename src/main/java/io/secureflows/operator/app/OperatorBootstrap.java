package io.secureflows.operator.app;

import io.secureflows.crypto.PasswordHasher;
import io.secureflows.crypto.RandomSecrets;
import io.secureflows.crypto.SecretDigest;
import io.secureflows.operator.domain.ApiKey;
import io.secureflows.operator.domain.Operator;
import io.secureflows.platform.persistence.AdvisoryLock;
import io.secureflows.platform.tenancy.OperatorRole;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * First start: creates the platform operator {@code admin} when no operator exists yet, with the
 * password from {@code SF_ADMIN_PASSWORD} or a generated one printed once. Every start: installs
 * {@code SF_ADMIN_API_KEY} as a platform API key if it is set and not installed yet (only its hash
 * is stored). After a master-key rotation, wraps the operators' TOTP secrets under the new master
 * key. Nodes starting together serialize on a database advisory lock, so each thing is created
 * once.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class OperatorBootstrap {
  static final String ADMIN_USERNAME = "admin";
  private static final Logger LOG = Logger.getLogger(OperatorBootstrap.class.getName());
  private static final long BOOTSTRAP_LOCK = 0x5ecf_1005_0001L;

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject OperatorAccounts accounts;

  @Inject
  @ConfigProperty(name = "sf.admin.password")
  Optional<String> adminPassword;

  @Inject
  @ConfigProperty(name = "sf.admin.api-key")
  Optional<String> adminApiKey;

  @PostConstruct
  void bootstrap() {
    AdvisoryLock.acquireForTransaction(em, BOOTSTRAP_LOCK);
    createAdminIfNoOperator();
    adminApiKey.filter(k -> !k.isBlank()).ifPresent(this::installPlatformKey);
    int rewrapped = accounts.rewrapSecondFactors();
    if (rewrapped > 0) {
      LOG.info("Wrapped " + rewrapped + " operators' second factors under the current master key");
    }
  }

  private void createAdminIfNoOperator() {
    long operators =
        em.createQuery("select count(o) from Operator o", Long.class).getSingleResult();
    if (operators > 0) {
      return;
    }
    String password = adminPassword.filter(p -> !p.isBlank()).orElse(null);
    boolean generated = password == null;
    if (generated) {
      password = RandomSecrets.urlSafe(18);
    }
    String hash = new PasswordHasher(PasswordHasher.Cost.DEFAULT).hash(password.toCharArray());
    em.persist(
        new Operator(ADMIN_USERNAME, hash, OperatorRole.PLATFORM_OPERATOR, null, clock.instant()));
    if (generated) {
      // Shown once, by design (README): there is no other way to learn a generated first password.
      LOG.warning(
          "Created platform operator 'admin' with generated password: "
              + password
              + "  (shown once; set SF_ADMIN_PASSWORD before the first start to choose it)");
    } else {
      LOG.info("Created platform operator 'admin' with the password from SF_ADMIN_PASSWORD");
    }
  }

  private void installPlatformKey(String key) {
    byte[] hash = SecretDigest.sha256(key);
    boolean installed =
        !em.createQuery("select k.id from ApiKey k where k.keyHash = :hash")
            .setParameter("hash", hash)
            .getResultList()
            .isEmpty();
    if (installed) {
      return;
    }
    if (key.length() < 32) {
      LOG.warning(
          "SF_ADMIN_API_KEY is shorter than 32 characters; use a long random key outside development");
    }
    em.persist(
        new ApiKey(
            "bootstrap (SF_ADMIN_API_KEY)",
            hash,
            OperatorRole.PLATFORM_OPERATOR,
            null,
            clock.instant()));
    LOG.info("Installed the platform API key from SF_ADMIN_API_KEY");
  }
}
