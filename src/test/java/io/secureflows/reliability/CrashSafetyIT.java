package io.secureflows.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureflows.testsupport.Deployments;
import io.secureflows.testsupport.IntegrationTest;
import io.secureflows.testsupport.LaunchedNode;
import io.secureflows.testsupport.Tenant;
import io.secureflows.testsupport.TestDatabase;
import io.secureflows.testsupport.TestEnvironment;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A node started by the real launcher is killed with SIGKILL while it works, then started again on
 * the same database and master key: every payload write it answered 200 is there byte for byte (the
 * one in flight at the kill is either whole or absent, never half-written), and a sweep cut off
 * midway finishes with every expired session purged exactly once. The Arquillian node shares the
 * database and keeps sweeping meanwhile, as a second node of a cluster would.
 */
@IntegrationTest
class CrashSafetyIT {
  private static final int WRITERS = 8;
  private static final int EXPIRED_SESSIONS = 30_000;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.secureFlows();
  }

  @ArquillianResource URL deployment;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void everyWriteAnsweredBeforeASigkillIsThereByteForByteAfterTheRestart() throws Exception {
    long[] acknowledged = new long[WRITERS];
    List<String> tokens = new ArrayList<>();
    try (LaunchedNode node = start()) {
      Tenant tenant = Tenant.create(base(node), "crash");
      for (int w = 0; w < WRITERS; w++) {
        tokens.add(tenant.newUserSignedIn().token());
      }
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.add(
            Thread.ofPlatform()
                .start(() -> acknowledged[writer] = writeUntilRefused(node, tokens.get(writer))));
      }
      Thread.sleep(4_000);
      ProcessHandle server = node.server();
      assertThat(server.destroyForcibly()).as("SIGKILL sent to Payara Micro").isTrue();
      server.onExit().get(30, TimeUnit.SECONDS);
      for (Thread writer : writers) {
        writer.join(60_000);
      }
    }
    for (int w = 0; w < WRITERS; w++) {
      assertThat(acknowledged[w])
          .as("writer %d had writes answered before the kill", w)
          .isPositive();
    }

    try (LaunchedNode restarted = start()) {
      for (int w = 0; w < WRITERS; w++) {
        HttpResponse<String> stored =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:" + restarted.httpPort() + "/api/v1/session/payload"))
                    .header("Authorization", "Bearer " + tokens.get(w))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        long sequence = Long.parseLong(stored.body().replaceAll(".*\"seq\":(\\d+).*", "$1"));
        assertThat(sequence)
            .as("writer %d: the last answered write, or the one in flight at the kill", w)
            .isBetween(acknowledged[w], acknowledged[w] + 1);
        assertThat(stored.body()).as("byte for byte").isEqualTo(document(sequence));
      }
    }
  }

  @Test
  void aSweepCutOffBySigkillFinishesWithEverySessionPurgedOnce() throws Exception {
    Tenant tenant = Tenant.create(deployment, "crash-sweep");
    Tenant.SignedIn owner = tenant.newUserSignedIn();
    try (LaunchedNode node = start()) {
      TestDatabase.insertExpiredSessions(
          tenant.workspaceId, tenant.applicationId, owner.userId(), EXPIRED_SESSIONS);
      long deadline = System.currentTimeMillis() + 60_000;
      while (left(tenant, owner) == EXPIRED_SESSIONS && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      ProcessHandle server = node.server();
      assertThat(server.destroyForcibly()).isTrue();
      server.onExit().get(30, TimeUnit.SECONDS);
    }
    try (LaunchedNode restarted = start()) {
      long deadline = System.currentTimeMillis() + 180_000;
      while (left(tenant, owner) > 0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(500);
      }
      assertThat(left(tenant, owner)).as("expired sessions left").isZero();
    }
    assertThat(
            TestDatabase.count(
                "select count(*) from user_session where id = ?::uuid", owner.sessionId()))
        .as("the live session is kept")
        .isOne();
    assertThat(TestDatabase.sessionsPurgedInTheAudit(tenant.workspaceId))
        .as("sessions the audit counts as purged: each once, none twice")
        .isEqualTo(EXPIRED_SESSIONS);
  }

  private static long left(Tenant tenant, Tenant.SignedIn owner) throws java.sql.SQLException {
    return TestDatabase.sessionsBesides(tenant.applicationId, owner.sessionId());
  }

  /** Writes ever newer documents with If-Match until the server stops answering; the last 200. */
  private long writeUntilRefused(LaunchedNode node, String token) {
    long acknowledged = 0;
    String etag = null;
    for (long sequence = 1; ; sequence++) {
      HttpRequest.Builder put =
          HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + node.httpPort() + "/api/v1/session/payload"))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .timeout(Duration.ofSeconds(10))
              .PUT(HttpRequest.BodyPublishers.ofString(document(sequence)));
      if (etag != null) {
        put.header("If-Match", etag);
      }
      try {
        HttpResponse<String> answer = http.send(put.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
          return acknowledged;
        }
        acknowledged = sequence;
        etag = answer.headers().firstValue("ETag").orElseThrow();
      } catch (IOException | InterruptedException killed) {
        return acknowledged;
      }
    }
  }

  /** The document of one write: its sequence number and a body that differs with it. */
  private static String document(long sequence) {
    return "{\"seq\":"
        + sequence
        + ",\"text\":\""
        + Long.toHexString(sequence * 0x9E3779B97F4A7C15L).repeat(40)
        + "\"}";
  }

  private static URL base(LaunchedNode node) throws IOException {
    return URI.create("http://127.0.0.1:" + node.httpPort() + "/").toURL();
  }

  private static LaunchedNode start() throws Exception {
    TestEnvironment.Environment environment = TestEnvironment.get();
    LaunchedNode node =
        LaunchedNode.start(
            "crash-node",
            environment.database().jdbcUrl(),
            Map.of(
                // One issuer for both starts, as a deployment has (the default names the port).
                "SF_TOKEN_ISSUER",
                "https://crash-node.test",
                "SF_MASTER_KEY_KEYSTORE",
                environment.masterKeystore().toString(),
                "SF_MASTER_KEY_KEYSTORE_PASSWORD",
                environment.secrets().getOrCreate("master-keystore.password")));
    assertThat(node.awaitReady(240)).as(node.output() + node.serverLogTail()).isTrue();
    return node;
  }
}
