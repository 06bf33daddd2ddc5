package io.secureflows.audit;

import io.secureflows.platform.persistence.Janitor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Removes audit records older than their workspace's retention ({@code
 * workspace.audit_retention_days}, default 365, at least 30) through {@code sf_purge_audit}, the
 * one way audit rows are ever deleted: it runs with the owner's rights, takes only a whole sealed
 * prefix of the workspace's chain, and leaves an anchor from which verification continues. Each
 * removal is itself audited. Runs at most hourly; discovery sees records older than 30 days (the
 * shortest retention) through the table's {@code sweep_discovery} policy.
 */
@ApplicationScoped
public class AuditRetentionJanitor implements Janitor {

  @PersistenceContext EntityManager em;

  @Inject AuditLog auditLog;

  @Inject AuditChainStore chains;

  @Override
  public String dueWorkspacesQuery() {
    return "select workspace_id from audit_event where workspace_id is not null";
  }

  @Override
  public Duration interval() {
    return Duration.ofHours(1);
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public int sweep(UUID workspaceId, Instant now, int limit) {
    chains.lock(workspaceId);
    int removed =
        ((Number)
                em.createNativeQuery("select sf_purge_audit(:limit)")
                    .setParameter("limit", limit)
                    .getSingleResult())
            .intValue();
    if (removed > 0) {
      auditLog.record(
          new AuditRecord(
              workspaceId,
              ActorType.SYSTEM,
              "retention",
              "audit.purged",
              Outcome.SUCCESS,
              null,
              null,
              "records:" + removed,
              null));
    }
    return removed;
  }
}
