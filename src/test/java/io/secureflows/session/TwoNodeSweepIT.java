package io.secureflows.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureflows.testsupport.Deployments;
import io.secureflows.testsupport.IntegrationTest;
import io.secureflows.testsupport.LaunchedNode;
import io.secureflows.testsupport.Tenant;
import io.secureflows.testsupport.TestDatabase;
import io.secureflows.testsupport.TestEnvironment;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Two nodes against one database, each with its own sweeper timer: 10,000 expired sessions are
 * purged exactly once (SECURITY-TESTS case 24), counted from the table and from the audit, with no
 * error in the second node's log. The first node is the Arquillian deployment; the second is
 * started by the real launcher with the same master key.
 */
@IntegrationTest
class TwoNodeSweepIT {
  private static final int SESSIONS = 10_000;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.secureFlows();
  }

  @ArquillianResource URL deployment;

  @Test
  void twoNodesPurgeEveryExpiredSessionExactlyOnce() throws Exception {
    Tenant tenant = Tenant.create(deployment, "two-nodes");
    Tenant.SignedIn owner = tenant.newUserSignedIn();
    TestEnvironment.Environment environment = TestEnvironment.get();
    try (LaunchedNode second =
        LaunchedNode.start(
            "second-node",
            environment.database().jdbcUrl(),
            Map.of(
                "SF_MASTER_KEY_KEYSTORE",
                environment.masterKeystore().toString(),
                "SF_MASTER_KEY_KEYSTORE_PASSWORD",
                environment.secrets().getOrCreate("master-keystore.password")))) {
      assertThat(second.awaitReady(240)).as(second.output() + second.serverLogTail()).isTrue();

      TestDatabase.insertExpiredSessions(
          tenant.workspaceId, tenant.applicationId, owner.userId(), SESSIONS);

      long deadline = System.currentTimeMillis() + 120_000;
      long left = SESSIONS;
      while (left > 0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(500);
        left =
            TestDatabase.count(
                "select count(*) from user_session where application_id = ?::uuid and id <> ?::uuid",
                tenant.applicationId,
                owner.sessionId());
      }
      assertThat(left).as("sessions left after two minutes").isZero();
      assertThat(
              TestDatabase.count(
                  "select coalesce(sum(substring(target from 10)::int), 0) from audit_event "
                      + "where workspace_id = ?::uuid and action = 'session.purged'",
                  tenant.workspaceId))
          .isEqualTo(SESSIONS);

      List<String> log = Files.readAllLines(second.serverLog(), StandardCharsets.UTF_8);
      assertThat(log)
          .as("the second node's log")
          .noneMatch(line -> line.contains("SEVERE") || line.contains("sweep stopped"));
    }
  }
}
