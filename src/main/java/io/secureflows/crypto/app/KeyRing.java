package io.secureflows.crypto.app;

import io.secureflows.crypto.EnvelopeStore;
import io.secureflows.crypto.KeysDestroyedException;
import io.secureflows.crypto.RandomSecrets;
import io.secureflows.crypto.domain.KeyState;
import io.secureflows.crypto.domain.WorkspaceKey;
import io.secureflows.crypto.infra.AesGcm;
import io.secureflows.crypto.spi.MasterKey;
import io.secureflows.crypto.spi.MasterKeyUnavailableException;
import io.secureflows.platform.error.ConflictException;
import io.secureflows.platform.error.NotFoundException;
import io.secureflows.platform.persistence.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A workspace's key versions. Every use of a key reads its row in the caller's transaction, so a
 * rotation, retirement or destruction on one node holds on every node at once. Encrypting takes a
 * share lock on the active version's row: a rotation (which locks it for update) waits for writers
 * in flight, so that no row lands on a version after it was demoted and checked for retirement.
 */
@ApplicationScoped
@Transactional
public class KeyRing {

  @PersistenceContext EntityManager em;

  @Inject MasterKeys masterKeys;

  @Inject Clock clock;

  @Inject @Any Instance<EnvelopeStore> stores;

  /** A workspace key in clear, for the duration of one operation. */
  public record UsableKey(int version, byte[] key) {}

  /** Version 1 of a new workspace's key. */
  public WorkspaceKey createFirstVersion(UUID workspaceId) {
    return createVersion(workspaceId, 1);
  }

  private WorkspaceKey createVersion(UUID workspaceId, int version) {
    byte[] key = RandomSecrets.bytes(AesGcm.KEY_BYTES);
    try {
      MasterKey master = masterKeys.current();
      WorkspaceKey created =
          new WorkspaceKey(
              Ids.newId(),
              workspaceId,
              version,
              master.wrap(key, WorkspaceKey.wrapContext(workspaceId, version)),
              master.id(),
              clock.instant());
      em.persist(created);
      return created;
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** The active key, share-locked until the caller's transaction ends. */
  public UsableKey activeKeyForEncryption(UUID workspaceId) {
    WorkspaceKey active = active(workspaceId, LockModeType.PESSIMISTIC_READ);
    return new UsableKey(active.keyVersion(), unwrap(active));
  }

  /** Any version that can still decrypt; a destroyed one is an error, never empty data. */
  public UsableKey keyForDecryption(UUID workspaceId, int version) {
    WorkspaceKey key = version(workspaceId, version);
    if (key == null) {
      throw new IllegalStateException("workspace key version " + version + " does not exist");
    }
    if (key.state() == KeyState.DESTROYED) {
      throw new KeysDestroyedException("the workspace's key version " + version + " was destroyed");
    }
    return new UsableKey(version, unwrap(key));
  }

  public List<KeyStatus> status(UUID workspaceId) {
    Map<Integer, Long> counts = protectedRecords(workspaceId);
    return versions(workspaceId).stream()
        .map(
            k ->
                new KeyStatus(
                    k.keyVersion(),
                    k.state(),
                    k.createdAt(),
                    k.stateChangedAt(),
                    counts.getOrDefault(k.keyVersion(), 0L)))
        .toList();
  }

  /** A new active version; the previous one decrypts until the rewrap job has moved its records. */
  public KeyStatus rotate(UUID workspaceId) {
    WorkspaceKey active = active(workspaceId, LockModeType.PESSIMISTIC_WRITE);
    int next =
        versions(workspaceId).stream().mapToInt(WorkspaceKey::keyVersion).max().orElse(0) + 1;
    active.demote(clock.instant());
    em.flush();
    WorkspaceKey created = createVersion(workspaceId, next);
    return new KeyStatus(next, created.state(), created.createdAt(), created.stateChangedAt(), 0);
  }

  /** Retires a decrypt-only version that protects nothing any more; refused while it does. */
  public void retire(UUID workspaceId, int version) {
    WorkspaceKey key =
        em.createQuery(
                "select k from WorkspaceKey k where k.workspaceId = :ws and k.keyVersion = :v",
                WorkspaceKey.class)
            .setParameter("ws", workspaceId)
            .setParameter("v", version)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new NotFoundException("Key version"));
    if (key.state() != KeyState.DECRYPT_ONLY) {
      throw new ConflictException(
          "Only a decrypt-only version can be retired; version "
              + version
              + " is "
              + key.state().externalName());
    }
    long protectedRecords = protectedRecords(workspaceId).getOrDefault(version, 0L);
    if (protectedRecords > 0) {
      throw new ConflictException(
          "Version "
              + version
              + " still protects "
              + protectedRecords
              + " records; wait for the rewrap job");
    }
    key.retire(clock.instant());
  }

  /**
   * Crypto-shredding: every version's wrapped key is erased; nothing of the workspace can be
   * decrypted again.
   */
  public void destroyAll(UUID workspaceId) {
    for (WorkspaceKey key : versions(workspaceId)) {
      em.lock(key, LockModeType.PESSIMISTIC_WRITE);
      key.destroy(clock.instant());
    }
  }

  /**
   * Master-key rotation: rewraps every key wrapped by a previous master key under the current one.
   */
  public int rewrapUnderCurrentMasterKey() {
    MasterKey current = masterKeys.current();
    List<WorkspaceKey> stale =
        em.createQuery(
                "select k from WorkspaceKey k where k.masterKeyId <> :current and k.wrappedKey is not null",
                WorkspaceKey.class)
            .setParameter("current", current.id())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    for (WorkspaceKey key : stale) {
      byte[] clear = unwrap(key);
      try {
        key.rewrap(current.wrap(clear, key.wrapContext()), current.id());
      } finally {
        Arrays.fill(clear, (byte) 0);
      }
    }
    return stale.size();
  }

  /**
   * The workspaces that hold a decrypt-only key version, whose data the rewrap job may still have
   * to move. Key versions are platform-managed records (wrapped by the master key), so this is read
   * across workspaces; the data itself is then rewrapped one workspace at a time.
   */
  public List<UUID> workspacesWithDecryptOnlyVersions() {
    return em.createQuery(
            "select distinct k.workspaceId from WorkspaceKey k where k.state = :state order by 1",
            UUID.class)
        .setParameter("state", KeyState.DECRYPT_ONLY)
        .getResultList();
  }

  /**
   * Whether the workspace has any key version (workspaces created before encryption existed have
   * none).
   */
  public boolean hasKeys(UUID workspaceId) {
    return !em.createQuery("select k.id from WorkspaceKey k where k.workspaceId = :ws", UUID.class)
        .setParameter("ws", workspaceId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  private byte[] unwrap(WorkspaceKey key) {
    if (key.wrappedKey() == null) {
      throw new KeysDestroyedException(
          "the workspace's key version " + key.keyVersion() + " was destroyed");
    }
    MasterKey master =
        masterKeys
            .byId(key.masterKeyId())
            .orElseThrow(
                () ->
                    new MasterKeyUnavailableException(
                        "workspace keys are wrapped by master key "
                            + key.masterKeyId()
                            + ", which the configured provider does not offer"));
    return master.unwrap(key.wrappedKey(), key.wrapContext());
  }

  private WorkspaceKey active(UUID workspaceId, LockModeType lock) {
    return em.createQuery(
            "select k from WorkspaceKey k where k.workspaceId = :ws and k.state = :state",
            WorkspaceKey.class)
        .setParameter("ws", workspaceId)
        .setParameter("state", KeyState.ACTIVE)
        .setLockMode(lock)
        // Runs inside flushes (the encryption listener): never flush from here.
        .setFlushMode(FlushModeType.COMMIT)
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () ->
                new KeysDestroyedException(
                    "the workspace has no active key (its keys were destroyed)"));
  }

  private WorkspaceKey version(UUID workspaceId, int version) {
    return em.createQuery(
            "select k from WorkspaceKey k where k.workspaceId = :ws and k.keyVersion = :v",
            WorkspaceKey.class)
        .setParameter("ws", workspaceId)
        .setParameter("v", version)
        .setFlushMode(FlushModeType.COMMIT)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  private List<WorkspaceKey> versions(UUID workspaceId) {
    return em.createQuery(
            "select k from WorkspaceKey k where k.workspaceId = :ws order by k.keyVersion",
            WorkspaceKey.class)
        .setParameter("ws", workspaceId)
        .getResultList();
  }

  private Map<Integer, Long> protectedRecords(UUID workspaceId) {
    Map<Integer, Long> counts = new HashMap<>();
    for (EnvelopeStore store : stores) {
      store.countByKeyVersion(workspaceId).forEach((v, n) -> counts.merge(v, n, Long::sum));
    }
    return counts;
  }
}
