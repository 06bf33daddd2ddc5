package io.secureflows.workspace.app;

import io.secureflows.audit.AuditLog;
import io.secureflows.audit.AuditRecord;
import io.secureflows.platform.error.ConflictException;
import io.secureflows.platform.error.NotFoundException;
import io.secureflows.platform.tenancy.CallerContext;
import io.secureflows.platform.tenancy.TenantScoped;
import io.secureflows.workspace.domain.Application;
import io.secureflows.workspace.domain.ApplicationSettings;
import io.secureflows.workspace.domain.ApplicationType;
import io.secureflows.workspace.domain.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
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

  @Inject AuditLog auditLog;

  @Inject Event<ApplicationLifecycleChanged> lifecycleChanged;

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
    try {
      em.persist(application);
      em.flush();
    } catch (PersistenceException e) {
      if (isUniqueViolation(e)) {
        throw new ConflictException("The client id is already registered");
      }
      throw e;
    }
    auditLog.record(operatorAction(application, "application.registered"));
    return application;
  }

  /**
   * Changes an application (see {@link Application#change}); a changed session lifecycle is
   * announced so that the existing sessions follow it in this transaction.
   */
  public Application change(
      UUID workspaceId,
      UUID applicationId,
      String name,
      List<String> redirectUris,
      ApplicationSettings changes) {
    callers.requireManage(workspaceId, "Application");
    Application application = get(workspaceId, applicationId);
    if (application.change(name, redirectUris, changes, clock.instant())) {
      lifecycleChanged.fire(
          new ApplicationLifecycleChanged(
              workspaceId,
              applicationId,
              application.sessionIdleTtlSeconds(),
              application.sessionMaxTtlSeconds(),
              application.sessionGraceSeconds()));
    }
    auditLog.record(operatorAction(application, "application.changed"));
    return application;
  }

  private AuditRecord operatorAction(Application application, String action) {
    return AuditRecord.byCaller(
        callers.require(),
        application.workspaceId(),
        action,
        application.id(),
        null,
        "application:" + application.clientId(),
        null);
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
   * The workspace a public client id belongs to: the one lookup that comes before any workspace is
   * entered (hosted login and the token endpoint know nothing else). It reads a single column of a
   * single row through the row-level security policy that admits exactly the client id this
   * transaction names, and returns no application data.
   */
  public Optional<ClientRoute> route(String clientId) {
    if (clientId == null || !clientId.matches(Application.CLIENT_ID_PATTERN)) {
      return Optional.empty();
    }
    em.createNativeQuery("select set_config('sf.client_id', ?1, true)")
        .setParameter(1, clientId)
        .getSingleResult();
    return em.createNativeQuery(
            "select workspace_id from application where client_id = ?1", UUID.class)
        .setParameter(1, clientId)
        .getResultStream()
        .findFirst()
        .map(workspace -> new ClientRoute((UUID) workspace, clientId));
  }

  /** The routed client's application, read inside its workspace. */
  @TenantScoped
  public Optional<Application> findByClientId(ClientRoute route) {
    return em.createQuery(
            "select a from Application a where a.clientId = :clientId", Application.class)
        .setParameter("clientId", route.clientId())
        .getResultStream()
        .findFirst();
  }

  /**
   * The application of a session, for the session API: the caller is the token's holder, whose
   * workspace comes from the verified token, not an operator.
   */
  public Optional<Application> findForSession(UUID workspaceId, UUID applicationId) {
    return em.createQuery(
            "select a from Application a where a.workspaceId = :ws and a.id = :id",
            Application.class)
        .setParameter("ws", workspaceId)
        .setParameter("id", applicationId)
        .getResultStream()
        .findFirst();
  }

  /** Client ids are unique across workspaces; only the database sees all of them. */
  private static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConstraintViolationException violation
          && violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
        return true;
      }
    }
    return false;
  }
}
