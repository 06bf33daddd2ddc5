package io.secureflows.session.app;

import io.secureflows.audit.ActorType;
import io.secureflows.audit.AuditLog;
import io.secureflows.audit.AuditRecord;
import io.secureflows.audit.Outcome;
import io.secureflows.crypto.DecryptionFailedException;
import io.secureflows.session.domain.SessionPayload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores, reads and deletes session payloads of a workspace. Encryption happens below, in the
 * entity listener; every query names the workspace. Writers of one payload serialize on its row
 * lock.
 */
@ApplicationScoped
@Transactional
public class SessionPayloadService {

  @PersistenceContext EntityManager em;

  @Inject AuditLog auditLog;

  @Inject Clock clock;

  /** Stores the content as the session's payload; returns the new payload version. */
  public long store(UUID workspaceId, UUID sessionId, byte[] content) {
    return store(workspaceId, sessionId, content, null);
  }

  /**
   * Stores the content if the current version is {@code expectedVersion} (null: whatever it is).
   * Writers of one session serialize on the session's row, so two racing writers never interleave
   * and at most one of two with the same expected version wins.
   *
   * @throws StaleVersionException if another write came first
   */
  public long store(UUID workspaceId, UUID sessionId, byte[] content, Long expectedVersion) {
    em.createNativeQuery(
            "select 1 from user_session where id = ?1 and workspace_id = ?2 for update")
        .setParameter(1, sessionId)
        .setParameter(2, workspaceId)
        .getResultList();
    SessionPayload payload = find(workspaceId, sessionId, LockModeType.PESSIMISTIC_WRITE);
    long current = payload == null ? 0 : payload.payloadVersion();
    if (expectedVersion != null && expectedVersion != current) {
      throw new StaleVersionException();
    }
    if (payload == null) {
      payload = new SessionPayload(workspaceId, sessionId, content, clock.instant());
      em.persist(payload);
    } else {
      payload.replace(content, clock.instant());
    }
    em.flush();
    return payload.payloadVersion();
  }

  /** The payload changed since the version the writer saw. */
  public static final class StaleVersionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StaleVersionException() {
      super("the payload changed since the version the request named", null, false, false);
    }
  }

  /** The payload's version (its ETag), without decrypting it; empty when nothing was stored. */
  public Optional<Long> version(UUID workspaceId, UUID sessionId) {
    return em.createQuery(
            "select p.payloadVersion from SessionPayload p where p.workspaceId = :ws and p.sessionId = :id",
            Long.class)
        .setParameter("ws", workspaceId)
        .setParameter("id", sessionId)
        .getResultStream()
        .findFirst();
  }

  /**
   * The payload, decrypted. A payload that does not decrypt (tampered, or copied from another row)
   * is never returned: the failure is audited in a transaction of its own and rethrown.
   */
  public Optional<SessionPayload> read(UUID workspaceId, UUID sessionId) {
    try {
      return Optional.ofNullable(find(workspaceId, sessionId, LockModeType.NONE));
    } catch (DecryptionFailedException e) {
      auditLog.recordAlone(
          new AuditRecord(
              workspaceId,
              ActorType.SYSTEM,
              null,
              "payload.decryption_failed",
              Outcome.FAILURE,
              null,
              sessionId,
              "session:" + sessionId,
              null));
      throw e;
    }
  }

  /**
   * Deletes the payload; its wrapped data key goes with the row, so the ciphertext can no longer be
   * opened.
   */
  public boolean delete(UUID workspaceId, UUID sessionId) {
    return em.createQuery(
                "delete from SessionPayload p where p.workspaceId = :ws and p.sessionId = :id")
            .setParameter("ws", workspaceId)
            .setParameter("id", sessionId)
            .executeUpdate()
        > 0;
  }

  private SessionPayload find(UUID workspaceId, UUID sessionId, LockModeType lock) {
    return em.createQuery(
            "select p from SessionPayload p where p.workspaceId = :ws and p.sessionId = :id",
            SessionPayload.class)
        .setParameter("ws", workspaceId)
        .setParameter("id", sessionId)
        .setLockMode(lock)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }
}
