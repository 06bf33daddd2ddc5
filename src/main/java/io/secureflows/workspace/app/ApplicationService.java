package io.secureflows.workspace.app;

import io.secureflows.platform.error.ConflictException;
import io.secureflows.platform.error.NotFoundException;
import io.secureflows.platform.tenancy.CallerContext;
import io.secureflows.workspace.domain.Application;
import io.secureflows.workspace.domain.ApplicationSettings;
import io.secureflows.workspace.domain.ApplicationType;
import io.secureflows.workspace.domain.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Registers and reads the applications of a workspace. Client ids are unique across all workspaces.
 */
@ApplicationScoped
@Transactional
public class ApplicationService {

  @PersistenceContext EntityManager em;

  @Inject CallerContext callers;

  @Inject Clock clock;

  public Application register(
      UUID workspaceId,
      String clientId,
      String name,
      ApplicationType type,
      List<String> redirectUris,
      ApplicationSettings settings) {
    callers.requireManage(workspaceId, "Workspace");
    if (em.find(Workspace.class, workspaceId) == null) {
      throw new NotFoundException("Workspace");
    }
    Application application =
        new Application(workspaceId, clientId, name, type, redirectUris, settings, clock.instant());
    if (clientIdTaken(clientId)) {
      throw new ConflictException("The client id is already registered");
    }
    try {
      em.persist(application);
      em.flush();
    } catch (ConstraintViolationException e) {
      throw new ConflictException("The client id is already registered");
    }
    return application;
  }

  public List<Application> list(UUID workspaceId) {
    callers.requireVisible(workspaceId, "Workspace");
    if (em.find(Workspace.class, workspaceId) == null) {
      throw new NotFoundException("Workspace");
    }
    return em.createQuery(
            "select a from Application a where a.workspaceId = :ws order by a.createdAt, a.id",
            Application.class)
        .setParameter("ws", workspaceId)
        .getResultList();
  }

  public Application get(UUID workspaceId, UUID applicationId) {
    callers.requireVisible(workspaceId, "Application");
    return em.createQuery(
            "select a from Application a where a.workspaceId = :ws and a.id = :id",
            Application.class)
        .setParameter("ws", workspaceId)
        .setParameter("id", applicationId)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("Application"));
  }

  /**
   * The application with this client id, for the public hosted-login and token endpoints: there is
   * no operator caller there, the client id is the only thing the request names, and it is unique
   * across workspaces.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public java.util.Optional<Application> findByClientId(String clientId) {
    if (clientId == null || !clientId.matches(Application.CLIENT_ID_PATTERN)) {
      return java.util.Optional.empty();
    }
    return em.createQuery(
            "select a from Application a where a.clientId = :clientId", Application.class)
        .setParameter("clientId", clientId)
        .getResultStream()
        .findFirst();
  }

  /**
   * The application of a session, for the session API: the caller is the token's holder, whose
   * workspace comes from the verified token, not an operator.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public java.util.Optional<Application> findForSession(UUID workspaceId, UUID applicationId) {
    return em.createQuery(
            "select a from Application a where a.workspaceId = :ws and a.id = :id",
            Application.class)
        .setParameter("ws", workspaceId)
        .setParameter("id", applicationId)
        .getResultStream()
        .findFirst();
  }

  private boolean clientIdTaken(String clientId) {
    return !em.createQuery(
            "select a.id from Application a where a.clientId = :clientId", UUID.class)
        .setParameter("clientId", clientId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
