package io.secureflows.session.app;

import io.secureflows.session.domain.SessionLifetime;
import io.secureflows.session.domain.UserSession;
import io.secureflows.workspace.app.ApplicationLifecycleChanged;
import io.secureflows.workspace.domain.Application;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Sessions as sign-in sees them: one per user and application, continued by a new sign-in while it
 * is alive under the application's policy, otherwise a new one. Every query names the workspace.
 */
@ApplicationScoped
@Transactional
public class SessionRegistry {

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  /** The session policy an application sets, as the session concern applies it. */
  public static SessionLifetime lifetimeOf(Application application) {
    return SessionLifetime.ofSeconds(
        application.sessionIdleTtlSeconds(),
        application.sessionMaxTtlSeconds(),
        application.sessionGraceSeconds());
  }

  /** The user's live session with the application, continued, or a new one. */
  public UserSession continueOrStart(
      UUID workspaceId, UUID applicationId, UUID userId, SessionLifetime lifetime) {
    var now = clock.instant();
    Optional<UserSession> live =
        em.createQuery(
                "select s from UserSession s where s.workspaceId = :ws and s.applicationId = :app "
                    + "and s.userId = :user order by s.createdAt desc",
                UserSession.class)
            .setParameter("ws", workspaceId)
            .setParameter("app", applicationId)
            .setParameter("user", userId)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .setMaxResults(1)
            .getResultStream()
            .findFirst()
            .filter(s -> s.isAlive(now));
    if (live.isPresent()) {
      live.get().continueAt(now, lifetime);
      return live.get();
    }
    UserSession started = new UserSession(workspaceId, applicationId, userId, lifetime, now);
    em.persist(started);
    return started;
  }

  /**
   * An application's policy changed: its sessions end, and are purged, by the new one from now on
   * (a session already past its end stays ended).
   */
  public void applyPolicy(UUID workspaceId, UUID applicationId, SessionLifetime lifetime) {
    String end =
        "case when expires_at > :now then least(created_at + :max * interval '1 second', "
            + "last_seen_at + :idle * interval '1 second') else expires_at end";
    em.createNativeQuery(
            "update user_session set expires_at = "
                + end
                + ", purge_after = "
                + end
                + " + :grace * interval '1 second' "
                + "where workspace_id = :ws and application_id = :app")
        .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC))
        .setParameter("max", lifetime.max().toSeconds())
        .setParameter("idle", lifetime.idle().toSeconds())
        .setParameter("grace", lifetime.grace().toSeconds())
        .setParameter("ws", workspaceId)
        .setParameter("app", applicationId)
        .executeUpdate();
  }

  void onLifecycleChanged(@Observes ApplicationLifecycleChanged changed) {
    applyPolicy(
        changed.workspaceId(),
        changed.applicationId(),
        SessionLifetime.ofSeconds(
            changed.sessionIdleTtlSeconds(),
            changed.sessionMaxTtlSeconds(),
            changed.sessionGraceSeconds()));
  }

  /** The session, if it exists in this workspace. */
  public Optional<UserSession> find(UUID workspaceId, UUID sessionId) {
    return em.createQuery(
            "select s from UserSession s where s.workspaceId = :ws and s.id = :id",
            UserSession.class)
        .setParameter("ws", workspaceId)
        .setParameter("id", sessionId)
        .getResultStream()
        .findFirst();
  }

  /**
   * Ends every token of every session of a user (the user was disabled). Returns how many sessions.
   */
  public int signOutAllOf(UUID workspaceId, UUID userId) {
    var now = clock.instant();
    var all =
        em.createQuery(
                "select s from UserSession s where s.workspaceId = :ws and s.userId = :user",
                UserSession.class)
            .setParameter("ws", workspaceId)
            .setParameter("user", userId)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    all.forEach(s -> s.signOut(now));
    return all.size();
  }

  /** Removes the session row; authorization codes issued for it go with it. */
  public void erase(UUID workspaceId, UUID sessionId) {
    em.createNativeQuery(
            "delete from authorization_code where session_id = ?1 and workspace_id = ?2")
        .setParameter(1, sessionId)
        .setParameter(2, workspaceId)
        .executeUpdate();
    em.createQuery("delete from UserSession s where s.workspaceId = :ws and s.id = :id")
        .setParameter("ws", workspaceId)
        .setParameter("id", sessionId)
        .executeUpdate();
  }

  /** Ends every token of the session (a replayed authorization code, a sign-out). */
  public void signOut(UUID workspaceId, UUID sessionId) {
    em.createQuery(
            "select s from UserSession s where s.workspaceId = :ws and s.id = :id",
            UserSession.class)
        .setParameter("ws", workspaceId)
        .setParameter("id", sessionId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst()
        .ifPresent(s -> s.signOut(clock.instant()));
  }
}
