package io.secureflows.audit;

import io.secureflows.platform.persistence.Janitor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Deletes access-log rows older than their workspace's retention ({@code
 * workspace.access_log_retention_days}, default 30), and rows of no workspace after the default.
 * Runs at most every ten minutes; discovery sees rows older than a day (the shortest retention)
 * through the table's {@code sweep_discovery} policy. Rows are not locked first (the runtime role
 * may not lock the append-only log); two nodes deleting the same old row just wait for each other.
 */
@ApplicationScoped
public class AccessLogJanitor implements Janitor {
  static final int DEFAULT_RETENTION_DAYS = 30;

  @PersistenceContext EntityManager em;

  @Override
  public String dueWorkspacesQuery() {
    return "select workspace_id from access_log " + "where workspace_id is not null";
  }

  @Override
  public Duration interval() {
    return Duration.ofMinutes(10);
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public int sweep(UUID workspaceId, Instant now, int limit) {
    return em.createNativeQuery(
            "delete from access_log where id in (select id from access_log "
                + "where workspace_id = :ws and occurred_at < cast(:now as timestamptz) - "
                + "(select access_log_retention_days from workspace where id = :ws) "
                + "* interval '1 day' limit :limit)")
        .setParameter("ws", workspaceId)
        .setParameter("now", now.atOffset(ZoneOffset.UTC))
        .setParameter("limit", limit)
        .executeUpdate();
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void sweepPlatform(Instant now) {
    em.createNativeQuery(
            "delete from access_log where workspace_id is null and occurred_at < :before")
        .setParameter(
            "before", now.minus(Duration.ofDays(DEFAULT_RETENTION_DAYS)).atOffset(ZoneOffset.UTC))
        .executeUpdate();
  }
}
