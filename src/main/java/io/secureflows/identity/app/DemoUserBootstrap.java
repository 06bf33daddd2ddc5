package io.secureflows.identity.app;

import io.secureflows.crypto.PasswordHasher;
import io.secureflows.identity.domain.Credentials;
import io.secureflows.identity.domain.EndUser;
import io.secureflows.platform.error.FieldError;
import io.secureflows.platform.persistence.AdvisoryLock;
import io.secureflows.platform.tenancy.WorkspaceScopes;
import io.secureflows.workspace.app.DemoWorkspaceBootstrap;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With {@code SF_DEMO=true} and {@code SF_DEMO_PASSWORD} set (the run script generates one): the
 * demo workspace's user {@code demo@example.com}, created once, so that a newcomer can sign in to
 * the demo page at once. Without the password nobody is created (the demo application lets people
 * register themselves).
 */
@Singleton
@Startup
@DependsOn("DemoApplicationBootstrap")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoUserBootstrap {
  public static final String EMAIL = "demo@example.com";
  private static final Logger LOG = Logger.getLogger(DemoUserBootstrap.class.getName());
  private static final long BOOTSTRAP_LOCK = 0x5ecf_1005_0005L;

  @PersistenceContext EntityManager em;

  @Inject WorkspaceScopes scopes;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "sf.demo", defaultValue = "false")
  boolean demo;

  @Inject
  @ConfigProperty(name = "sf.demo.password")
  Optional<String> password;

  @PostConstruct
  void bootstrap() {
    if (!demo || password.filter(p -> !p.isBlank()).isEmpty()) {
      return;
    }
    List<FieldError> errors = new ArrayList<>();
    Credentials.password(password.get(), errors);
    if (!errors.isEmpty()) {
      LOG.warning("SF_DEMO_PASSWORD " + errors.get(0).message() + "; no demo user was created");
      return;
    }
    scopes.callOutsideWorkspaces(() -> DemoWorkspaceBootstrap.find(em)).ifPresent(this::createUser);
  }

  private void createUser(UUID workspace) {
    scopes.run(
        workspace,
        () -> {
          AdvisoryLock.acquireForTransaction(em, BOOTSTRAP_LOCK);
          boolean exists =
              !em.createQuery("select u.id from EndUser u where u.email = :email")
                  .setParameter("email", EMAIL)
                  .getResultList()
                  .isEmpty();
          if (!exists) {
            String hash =
                new PasswordHasher(PasswordHasher.Cost.DEFAULT).hash(password.get().toCharArray());
            em.persist(new EndUser(workspace, EMAIL, hash, clock.instant()));
            LOG.info("SF_DEMO=true: created the demo user " + EMAIL);
          }
        });
  }
}
