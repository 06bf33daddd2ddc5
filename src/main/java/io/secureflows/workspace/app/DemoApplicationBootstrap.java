package io.secureflows.workspace.app;

import io.secureflows.platform.persistence.AdvisoryLock;
import io.secureflows.platform.tenancy.WorkspaceScopes;
import io.secureflows.workspace.domain.Application;
import io.secureflows.workspace.domain.ApplicationSettings;
import io.secureflows.workspace.domain.ApplicationType;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With {@code SF_DEMO=true}: registers the demo application ({@code demo}) in the demo workspace,
 * whose redirect URI is the demo page served at {@code SF_DEMO_ORIGIN/demo/}. Its sessionTokens
 * last one minute, so the demo shows a 410 and the silent sign-in that follows; its users may
 * register themselves. Nothing happens without a demo workspace or when the application exists.
 */
@Singleton
@Startup
@DependsOn("DemoWorkspaceBootstrap")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoApplicationBootstrap {
  public static final String CLIENT_ID = "demo";
  static final int TOKEN_TTL_SECONDS = 60;
  private static final Logger LOG = Logger.getLogger(DemoApplicationBootstrap.class.getName());
  private static final long BOOTSTRAP_LOCK = 0x5ecf_1005_0004L;

  @PersistenceContext EntityManager em;

  @Inject WorkspaceScopes scopes;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "sf.demo", defaultValue = "false")
  boolean demo;

  @Inject
  @ConfigProperty(name = "sf.demo.origin", defaultValue = "https://127.0.0.1:8443")
  String origin;

  @PostConstruct
  void bootstrap() {
    if (!demo) {
      return;
    }
    try {
      scopes.callOutsideWorkspaces(() -> DemoWorkspaceBootstrap.find(em)).ifPresent(this::register);
    } catch (RuntimeException e) {
      // A demo is never worth a failed start (another workspace may have taken the client id).
      LOG.warning("SF_DEMO=true: the demo application could not be registered: " + e);
    }
  }

  private void register(UUID workspace) {
    scopes.run(
        workspace,
        () -> {
          AdvisoryLock.acquireForTransaction(em, BOOTSTRAP_LOCK);
          boolean registered =
              !em.createQuery("select a.id from Application a where a.clientId = :clientId")
                  .setParameter("clientId", CLIENT_ID)
                  .getResultList()
                  .isEmpty();
          if (!registered) {
            em.persist(
                new Application(
                    workspace,
                    CLIENT_ID,
                    "Demo app",
                    ApplicationType.WEB,
                    List.of(redirectUri()),
                    new ApplicationSettings(TOKEN_TTL_SECONDS, null, null, null, Boolean.TRUE),
                    clock.instant()));
            LOG.info("SF_DEMO=true: registered the demo application at " + redirectUri());
          }
        });
  }

  private String redirectUri() {
    return origin.replaceAll("/+$", "") + "/demo/";
  }
}
