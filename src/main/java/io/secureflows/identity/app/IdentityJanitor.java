package io.secureflows.identity.app;

import io.secureflows.platform.persistence.Janitor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Cleans what hosted login leaves behind: authorization codes past their 60 seconds (a replay is
 * refused as expired before it is found), hosted-login sessions that expired or were signed out,
 * and lockouts that ran out more than a day ago (their failure count starts again).
 */
@ApplicationScoped
public class IdentityJanitor implements Janitor {

  @PersistenceContext EntityManager em;

  @Override
  public String dueWorkspacesQuery() {
    return "select workspace_id from authorization_code where expires_at <= sf_sweep_before() "
        + "union all select workspace_id from login_session "
        + "where least(expires_at, coalesce(revoked_at, expires_at)) <= sf_sweep_before() "
        + "union all select workspace_id from end_user "
        + "where locked_until + interval '1 day' <= sf_sweep_before()";
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public int sweep(UUID workspaceId, Instant now, int limit) {
    var at = now.atOffset(ZoneOffset.UTC);
    int codes =
        em.createNativeQuery(
                "delete from authorization_code where code_hash in (select code_hash "
                    + "from authorization_code where workspace_id = :ws and expires_at <= :now "
                    + "limit :limit for update skip locked)")
            .setParameter("ws", workspaceId)
            .setParameter("now", at)
            .setParameter("limit", limit)
            .executeUpdate();
    int logins =
        em.createNativeQuery(
                "delete from login_session where cookie_hash in (select cookie_hash "
                    + "from login_session where workspace_id = :ws "
                    + "and least(expires_at, coalesce(revoked_at, expires_at)) <= :now "
                    + "limit :limit for update skip locked)")
            .setParameter("ws", workspaceId)
            .setParameter("now", at)
            .setParameter("limit", limit)
            .executeUpdate();
    int lockouts =
        em.createNativeQuery(
                "update end_user set failed_attempts = 0, locked_until = null, version = version + 1 "
                    + "where id in "
                    + "(select id from end_user where workspace_id = :ws "
                    + "and locked_until + interval '1 day' <= :now "
                    + "limit :limit for update skip locked)")
            .setParameter("ws", workspaceId)
            .setParameter("now", at)
            .setParameter("limit", limit)
            .executeUpdate();
    return Math.max(codes, Math.max(logins, lockouts));
  }
}
