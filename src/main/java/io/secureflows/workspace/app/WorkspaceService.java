package io.secureflows.workspace.app;

import io.secureflows.audit.AuditLog;
import io.secureflows.audit.AuditRecord;
import io.secureflows.crypto.app.KeyRing;
import io.secureflows.platform.error.NotFoundException;
import io.secureflows.platform.persistence.LikePatterns;
import io.secureflows.platform.tenancy.Caller;
import io.secureflows.platform.tenancy.CallerContext;
import io.secureflows.workspace.domain.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Creates, lists, reads and renames workspaces within the caller's scope. */
@ApplicationScoped
@Transactional
public class WorkspaceService {

  @PersistenceContext EntityManager em;

  @Inject CallerContext callers;

  @Inject Clock clock;

  @Inject AuditLog auditLog;

  @Inject KeyRing keyRing;

  public Workspace create(String name) {
    callers.requirePlatformOperator();
    Workspace workspace = new Workspace(name, clock.instant());
    em.persist(workspace);
    em.flush();
    keyRing.createFirstVersion(workspace.id());
    auditLog.record(
        AuditRecord.byCaller(
            callers.require(),
            workspace.id(),
            "workspace.created",
            null,
            null,
            "workspace:" + workspace.id(),
            null));
    return workspace;
  }

  /** Every workspace the caller may see, oldest first. */
  public List<Workspace> list() {
    Caller caller = callers.require();
    if (caller.isPlatformWide()) {
      return em.createQuery("select w from Workspace w order by w.createdAt, w.id", Workspace.class)
          .getResultList();
    }
    return em.createQuery("select w from Workspace w where w.id = :id", Workspace.class)
        .setParameter("id", caller.workspaceId().orElseThrow())
        .getResultList();
  }

  /**
   * The workspaces the caller may see whose name contains the text (any case), by name, at most
   * {@code limit}: what a person looks through, where {@link #list} would be every workspace.
   */
  public List<Workspace> search(String nameContains, int limit) {
    Caller caller = callers.require();
    String pattern =
        "%"
            + (nameContains == null
                ? ""
                : LikePatterns.escape(nameContains.strip().toLowerCase(Locale.ROOT)))
            + "%";
    var query =
        em.createQuery(
                "select w from Workspace w where lower(w.name) like :pattern escape '!'"
                    + (caller.isPlatformWide() ? "" : " and w.id = :id")
                    + " order by w.name, w.id",
                Workspace.class)
            .setParameter("pattern", pattern)
            .setMaxResults(Math.max(1, limit));
    caller.workspaceId().ifPresent(id -> query.setParameter("id", id));
    return query.getResultList();
  }

  public Workspace get(UUID id) {
    callers.requireVisible(id, "Workspace");
    return find(id);
  }

  public Workspace rename(UUID id, String name) {
    callers.requireManage(id, "Workspace");
    Workspace workspace = find(id);
    workspace.rename(name, clock.instant());
    auditLog.record(
        AuditRecord.byCaller(
            callers.require(), id, "workspace.renamed", null, null, "workspace:" + id, null));
    return workspace;
  }

  /**
   * A workspace's display name for the public hosted-login pages of its applications (no operator
   * caller there).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public String displayName(UUID id) {
    return find(id).name();
  }

  private Workspace find(UUID id) {
    Workspace workspace = em.find(Workspace.class, id);
    if (workspace == null) {
      throw new NotFoundException("Workspace");
    }
    return workspace;
  }
}
