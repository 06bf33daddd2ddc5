package io.secureflows.operator.app;

import io.secureflows.audit.AuditLog;
import io.secureflows.audit.AuditRecord;
import io.secureflows.crypto.RandomSecrets;
import io.secureflows.crypto.SecretDigest;
import io.secureflows.operator.domain.ApiKey;
import io.secureflows.platform.error.NotFoundException;
import io.secureflows.platform.tenancy.CallerContext;
import io.secureflows.platform.tenancy.OperatorRole;
import io.secureflows.workspace.app.WorkspaceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Issues API keys and resolves a presented key to the caller it stands for. */
@ApplicationScoped
@Transactional
public class ApiKeyService {
  static final String KEY_PREFIX = "sfk_";

  @PersistenceContext EntityManager em;

  @Inject CallerContext callers;

  @Inject WorkspaceService workspaces;

  @Inject Clock clock;

  @Inject AuditLog auditLog;

  /**
   * Creates a key confined to one workspace; the caller must be allowed to manage that workspace.
   */
  public IssuedApiKey issueForWorkspace(UUID workspaceId, String name, OperatorRole role) {
    callers.requireManage(workspaceId, "Workspace");
    workspaces.get(workspaceId);
    String secret = KEY_PREFIX + RandomSecrets.urlSafe(32);
    ApiKey key = new ApiKey(name, SecretDigest.sha256(secret), role, workspaceId, clock.instant());
    em.persist(key);
    auditLog.record(
        AuditRecord.byCaller(
            callers.require(),
            workspaceId,
            "api_key.issued",
            null,
            null,
            "api-key:" + key.id() + " role:" + role.externalName(),
            null));
    return new IssuedApiKey(key, secret);
  }

  /** The keys confined to the workspace, newest first (revoked ones too, for the record). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ApiKey> list(UUID workspaceId) {
    callers.requireManage(workspaceId, "Workspace");
    return em.createQuery(
            "select k from ApiKey k where k.workspaceId = :ws order by k.createdAt desc, k.id",
            ApiKey.class)
        .setParameter("ws", workspaceId)
        .getResultList();
  }

  /** Revokes a key of the workspace; a key of another workspace is not found. */
  public void revoke(UUID workspaceId, UUID keyId) {
    callers.requireManage(workspaceId, "Workspace");
    ApiKey key = em.find(ApiKey.class, keyId);
    if (key == null || !key.workspaceId().map(workspaceId::equals).orElse(false)) {
      throw new NotFoundException("API key");
    }
    key.revoke(clock.instant());
    auditLog.record(
        AuditRecord.byCaller(
            callers.require(),
            workspaceId,
            "api_key.revoked",
            null,
            null,
            "api-key:" + keyId,
            null));
  }

  /**
   * The active key with this secret, if any. Runs before any caller is known, so it checks no
   * scope.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ApiKey> authenticate(String presented) {
    if (presented == null || presented.isEmpty() || presented.length() > 512) {
      return Optional.empty();
    }
    byte[] hash = SecretDigest.sha256(presented);
    return em.createQuery("select k from ApiKey k where k.keyHash = :hash", ApiKey.class)
        .setParameter("hash", hash)
        .getResultStream()
        .filter(ApiKey::isActive)
        .findFirst();
  }
}
