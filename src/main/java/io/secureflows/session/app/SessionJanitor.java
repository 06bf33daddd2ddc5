package io.secureflows.session.app;

import io.secureflows.audit.ActorType;
import io.secureflows.audit.AuditLog;
import io.secureflows.audit.AuditRecord;
import io.secureflows.audit.Outcome;
import io.secureflows.platform.persistence.Janitor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Purges sessions past their {@code purge_after} (their end plus the application's grace): the
 * payload row (ciphertext and wrapped data key), the session's authorization codes and the session
 * row, in one statement per batch, with one audit record per application and batch that counts the
 * sessions (no user, no content).
 */
@ApplicationScoped
public class SessionJanitor implements Janitor {

  @PersistenceContext EntityManager em;

  @Inject AuditLog auditLog;

  @Override
  public String dueWorkspacesQuery() {
    return "select workspace_id from user_session where purge_after <= sf_sweep_before()";
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public int sweep(UUID workspaceId, Instant now, int limit) {
    int purged = 0;
    for (Object row :
        em.createNativeQuery(
                "with due as (select id from user_session where workspace_id = :ws "
                    + "and purge_after <= :now order by purge_after limit :limit "
                    + "for update skip locked), "
                    + "payloads as (delete from session_payload where workspace_id = :ws "
                    + "and session_id in (select id from due)), "
                    + "codes as (delete from authorization_code where workspace_id = :ws "
                    + "and session_id in (select id from due)), "
                    + "sessions as (delete from user_session where workspace_id = :ws "
                    + "and id in (select id from due) returning application_id) "
                    + "select application_id, count(*) from sessions group by application_id")
            .setParameter("ws", workspaceId)
            .setParameter("now", now.atOffset(ZoneOffset.UTC))
            .setParameter("limit", limit)
            .getResultList()) {
      Object[] columns = (Object[]) row;
      int count = ((Number) columns[1]).intValue();
      purged += count;
      auditLog.record(
          new AuditRecord(
              workspaceId,
              ActorType.SYSTEM,
              "sweeper",
              "session.purged",
              Outcome.SUCCESS,
              (UUID) columns[0],
              null,
              "sessions:" + count,
              null));
    }
    return purged;
  }
}
