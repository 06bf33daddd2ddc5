package io.secureflows.identity.app;

import io.secureflows.audit.AuditLog;
import io.secureflows.audit.AuditRecord;
import io.secureflows.crypto.PasswordHasher;
import io.secureflows.identity.domain.Credentials;
import io.secureflows.identity.domain.EndUser;
import io.secureflows.platform.error.ConflictException;
import io.secureflows.platform.error.FieldError;
import io.secureflows.platform.error.InvalidInputException;
import io.secureflows.platform.error.NotFoundException;
import io.secureflows.platform.persistence.LikePatterns;
import io.secureflows.platform.tenancy.CallerContext;
import io.secureflows.session.app.SessionRegistry;
import io.secureflows.workspace.app.WorkspaceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The users of a workspace, as operators manage them: create, list, disable, enable, unlock, reset
 * a password. Every query names the workspace; a user of another workspace is not found.
 */
@ApplicationScoped
@Transactional
public class UserDirectory {
  static final int MAX_PAGE = 200;

  @PersistenceContext EntityManager em;

  @Inject CallerContext callers;

  @Inject WorkspaceService workspaces;

  @Inject SessionRegistry sessions;

  @Inject Clock clock;

  @Inject AuditLog auditLog;

  private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.Cost.DEFAULT);

  public EndUser create(UUID workspaceId, String email, String password) {
    callers.requireManage(workspaceId, "Workspace");
    workspaces.get(workspaceId);
    List<FieldError> errors = new ArrayList<>();
    String normalised = Credentials.email(email, errors);
    Credentials.password(password, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    if (findByEmail(workspaceId, normalised) != null) {
      throw new ConflictException("A user with this email exists in the workspace");
    }
    EndUser user =
        new EndUser(workspaceId, normalised, hasher.hash(password.toCharArray()), clock.instant());
    try {
      em.persist(user);
      em.flush();
      audit(workspaceId, "user.created", user.id());
    } catch (ConstraintViolationException e) {
      throw new ConflictException("A user with this email exists in the workspace");
    }
    return user;
  }

  /**
   * A page of users in email order, optionally only those whose email starts with {@code
   * emailPrefix}. A prefix or cursor with a control character is refused: no email holds one, and
   * PostgreSQL refuses a NUL in a parameter outright.
   */
  public List<EndUser> list(UUID workspaceId, String emailPrefix, String afterEmail, int limit) {
    callers.requireVisible(workspaceId, "Workspace");
    workspaces.get(workspaceId);
    String prefix =
        emailPrefix == null ? "" : emailPrefix.strip().toLowerCase(java.util.Locale.ROOT);
    List<FieldError> errors = new ArrayList<>();
    if (prefix.codePoints().anyMatch(Character::isISOControl)) {
      errors.add(new FieldError("email", "must not contain control characters"));
    }
    if (afterEmail != null && afterEmail.codePoints().anyMatch(Character::isISOControl)) {
      errors.add(new FieldError("cursor", "is not a cursor of this list"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return em.createQuery(
            "select u from EndUser u where u.workspaceId = :ws and u.email like :prefix escape '!' "
                + "and u.email > :after order by u.email",
            EndUser.class)
        .setParameter("ws", workspaceId)
        .setParameter("prefix", LikePatterns.escape(prefix) + "%")
        .setParameter("after", afterEmail == null ? "" : afterEmail)
        .setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE)))
        .getResultList();
  }

  public EndUser get(UUID workspaceId, UUID userId) {
    callers.requireVisible(workspaceId, "User");
    return find(workspaceId, userId);
  }

  public EndUser disable(UUID workspaceId, UUID userId) {
    EndUser user = managed(workspaceId, userId);
    user.disable(clock.instant());
    audit(workspaceId, "user.disabled", userId);
    sessions.signOutAllOf(workspaceId, userId);
    return user;
  }

  public EndUser enable(UUID workspaceId, UUID userId) {
    EndUser user = managed(workspaceId, userId);
    user.enable(clock.instant());
    audit(workspaceId, "user.enabled", userId);
    return user;
  }

  public EndUser unlock(UUID workspaceId, UUID userId) {
    EndUser user = managed(workspaceId, userId);
    user.unlock(clock.instant());
    audit(workspaceId, "user.unlocked", userId);
    return user;
  }

  public EndUser resetPassword(UUID workspaceId, UUID userId, String password) {
    EndUser user = managed(workspaceId, userId);
    List<FieldError> errors = new ArrayList<>();
    Credentials.password(password, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    user.changePassword(hasher.hash(password.toCharArray()), clock.instant());
    audit(workspaceId, "user.password_reset", userId);
    return user;
  }

  private void audit(UUID workspaceId, String action, UUID userId) {
    auditLog.record(
        AuditRecord.byCaller(
            callers.require(), workspaceId, action, null, null, "user:" + userId, null));
  }

  private EndUser managed(UUID workspaceId, UUID userId) {
    callers.requireManage(workspaceId, "User");
    return find(workspaceId, userId);
  }

  private EndUser find(UUID workspaceId, UUID userId) {
    return em.createQuery(
            "select u from EndUser u where u.workspaceId = :ws and u.id = :id", EndUser.class)
        .setParameter("ws", workspaceId)
        .setParameter("id", userId)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("User"));
  }

  private EndUser findByEmail(UUID workspaceId, String email) {
    return em.createQuery(
            "select u from EndUser u where u.workspaceId = :ws and u.email = :email", EndUser.class)
        .setParameter("ws", workspaceId)
        .setParameter("email", email)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }
}
