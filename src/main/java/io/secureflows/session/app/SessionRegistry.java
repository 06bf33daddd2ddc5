package io.secureflows.session.app;

import io.secureflows.session.domain.UserSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
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

  /** The user's live session with the application, continued, or a new one. */
  public UserSession continueOrStart(
      UUID workspaceId,
      UUID applicationId,
      UUID userId,
      Duration idleLifetime,
      Duration maxLifetime) {
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
            .filter(s -> s.isAlive(idleLifetime, now));
    if (live.isPresent()) {
      live.get().continueAt(now);
      return live.get();
    }
    UserSession started = new UserSession(workspaceId, applicationId, userId, maxLifetime, now);
    em.persist(started);
    return started;
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
