package io.secureflows.identity.app;

import io.secureflows.audit.AuditLog;
import io.secureflows.audit.AuditRecord;
import io.secureflows.crypto.TokenSigning;
import io.secureflows.crypto.app.MasterKeys;
import io.secureflows.crypto.spi.MasterKey;
import io.secureflows.crypto.spi.MasterKeyUnavailableException;
import io.secureflows.identity.domain.SigningKey;
import io.secureflows.platform.tenancy.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The sessionToken signing keys: one active key signs, earlier keys only verify. Rotation takes
 * effect on every node at once (state in the database) and needs no restart; tokens signed by the
 * previous key keep verifying because its public key stays in the JWKS.
 */
@ApplicationScoped
@Transactional
public class SigningKeys {
  /**
   * How long a new key is published before it signs: longer than a JWKS refresh plus the verifier's
   * cache.
   */
  static final java.time.Duration PUBLICATION_DELAY = java.time.Duration.ofSeconds(30);

  private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

  @PersistenceContext EntityManager em;

  @Inject MasterKeys masterKeys;

  @Inject CallerContext callers;

  @Inject AuditLog auditLog;

  @Inject Clock clock;

  /**
   * Creates the first signing key if there is none (first start, or upgrade from a release without
   * tokens).
   */
  public void ensureActiveKey() {
    if (active(LockModeType.NONE).isEmpty()) {
      create();
      // Written now, inside the transaction that holds the caller's bootstrap lock: at start-up the
      // transaction committed before the key was flushed, so a node starting beside this one
      // found no key under the lock and created a second active one (ClusterIT found it).
      em.flush();
      LOG.info("Created the first sessionToken signing key");
    }
  }

  /** Every key whose tokens may still be presented: the active one and those that only verify. */
  public List<SigningKey> verificationKeys() {
    return em.createQuery("select k from SigningKey k order by k.createdAt desc", SigningKey.class)
        .getResultList();
  }

  /** Signs a sessionToken's claims (a JSON object) with the active key. */
  public String sign(String claimsJson) {
    SigningKey key = signingKey(clock.instant());
    MasterKey master =
        masterKeys
            .byId(key.masterKeyId())
            .orElseThrow(
                () ->
                    new MasterKeyUnavailableException(
                        "the signing key's master key is not loaded"));
    return TokenSigning.sign(key.kid(), key.wrappedPrivateKey(), master, claimsJson);
  }

  /**
   * The key that signs now: the newest key that has been published for at least {@link
   * #PUBLICATION_DELAY}, so that every node's MicroProfile JWT already trusts it (each node
   * rewrites its JWKS file every 10 s and caches it for 10 s). Right after a rotation the previous
   * key keeps signing for that long; a lone key signs at once.
   */
  SigningKey signingKey(java.time.Instant now) {
    List<SigningKey> keys = verificationKeys();
    if (keys.isEmpty()) {
      throw new IllegalStateException("there is no signing key");
    }
    return keys.stream()
        .filter(k -> !k.createdAt().isAfter(now.minus(PUBLICATION_DELAY)))
        .findFirst()
        .orElse(keys.get(keys.size() - 1));
  }

  /** A new active key; the previous one keeps verifying. Platform operators only. */
  public List<SigningKey> rotate() {
    callers.requirePlatformOperator();
    active(LockModeType.PESSIMISTIC_WRITE).ifPresent(k -> k.retireFromSigning(clock.instant()));
    em.flush();
    SigningKey created = create();
    auditLog.record(
        AuditRecord.byCaller(
            callers.require(),
            null,
            "signing_key.rotated",
            null,
            null,
            "signing-key:" + created.kid(),
            null));
    LOG.info(
        "Signing key rotated to "
            + created.kid()
            + " by "
            + callers.require().kind()
            + " "
            + callers.require().id());
    return verificationKeys();
  }

  /**
   * Master-key rotation: rewraps every private key wrapped by a previous master key under the
   * current one.
   */
  public int rewrapUnderCurrentMasterKey() {
    MasterKey current = masterKeys.current();
    List<SigningKey> stale =
        em.createQuery(
                "select k from SigningKey k where k.masterKeyId <> :current", SigningKey.class)
            .setParameter("current", current.id())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    for (SigningKey key : stale) {
      MasterKey previous =
          masterKeys
              .byId(key.masterKeyId())
              .orElseThrow(
                  () ->
                      new MasterKeyUnavailableException(
                          "signing key "
                              + key.kid()
                              + " is wrapped by master key "
                              + key.masterKeyId()
                              + ", which the configured provider does not offer"));
      key.rewrap(
          TokenSigning.rewrap(key.kid(), key.wrappedPrivateKey(), previous, current), current.id());
    }
    return stale.size();
  }

  private SigningKey create() {
    MasterKey master = masterKeys.current();
    TokenSigning.GeneratedKey generated = TokenSigning.generate(master);
    SigningKey key =
        new SigningKey(
            generated.kid(),
            TokenSigning.ALGORITHM,
            generated.publicKey(),
            generated.wrappedPrivateKey(),
            generated.masterKeyId(),
            clock.instant());
    em.persist(key);
    return key;
  }

  private Optional<SigningKey> active(LockModeType lock) {
    return em.createQuery("select k from SigningKey k where k.state = :state", SigningKey.class)
        .setParameter("state", SigningKey.State.ACTIVE)
        .setLockMode(lock)
        .getResultStream()
        .findFirst();
  }
}
