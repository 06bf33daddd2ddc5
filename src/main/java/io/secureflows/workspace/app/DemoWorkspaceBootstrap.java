package io.secureflows.workspace.app;

import io.secureflows.crypto.app.KeyRing;
import io.secureflows.platform.persistence.AdvisoryLock;
import io.secureflows.workspace.domain.Workspace;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With {@code SF_DEMO=true} (the run script's default), gives an empty registry a demo workspace so
 * that a newcomer has something to click through. Never touches a registry that already holds a
 * workspace.
 */
@Singleton
@Startup
@DependsOn("WorkspaceKeyBootstrap")
public class DemoWorkspaceBootstrap {
  public static final String DEMO_WORKSPACE_NAME = "Demo workspace";
  private static final Logger LOG = Logger.getLogger(DemoWorkspaceBootstrap.class.getName());
  private static final long BOOTSTRAP_LOCK = 0x5ecf_1005_0002L;

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject KeyRing keyRing;

  @Inject
  @ConfigProperty(name = "sf.demo", defaultValue = "false")
  boolean demo;

  /** The demo workspace, if the registry has one (found by its name, oldest first). */
  public static Optional<UUID> find(EntityManager em) {
    return em.createQuery(
            "select w.id from Workspace w where w.name = :name order by w.createdAt, w.id",
            UUID.class)
        .setParameter("name", DEMO_WORKSPACE_NAME)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  @PostConstruct
  void bootstrap() {
    if (!demo) {
      return;
    }
    AdvisoryLock.acquireForTransaction(em, BOOTSTRAP_LOCK);
    long workspaces =
        em.createQuery("select count(w) from Workspace w", Long.class).getSingleResult();
    if (workspaces == 0) {
      Workspace workspace = new Workspace(DEMO_WORKSPACE_NAME, clock.instant());
      em.persist(workspace);
      em.flush();
      keyRing.createFirstVersion(workspace.id());
      LOG.info("SF_DEMO=true: created the demo workspace " + workspace.id());
    }
  }
}
