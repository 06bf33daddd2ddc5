package io.secureflows.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureflows.testsupport.ApiClient;
import io.secureflows.testsupport.ConsoleClient;
import io.secureflows.testsupport.Deployments;
import io.secureflows.testsupport.LaunchedNode;
import io.secureflows.testsupport.Reply;
import io.secureflows.testsupport.ReverseProxy;
import io.secureflows.testsupport.Tenant;
import io.secureflows.testsupport.TestDatabase;
import io.secureflows.testsupport.TestEnvironment;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes started by the real launcher against one PostgreSQL, behind Debian's HAProxy running
 * the shipped {@code payara/haproxy.cfg}: what a cluster of secureFlows must keep. No Payara
 * clustering (each node runs with {@code --nohazelcast}); everything the nodes share is in the
 * database. The methods run in order: the last one stops a node for good.
 */
@ExtendWith(TestEnvironment.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
  private static final int EXPIRED_SESSIONS = 10_000;
  private static final int REWRAP_ROWS = 40_000;
  private static final Pattern REWRAPPED = Pattern.compile("Rewrapped (\\d+) data keys");

  private static Path war;
  private static Map<String, String> settingsA;
  private static Map<String, String> settingsB;
  private static LaunchedNode a;
  private static LaunchedNode b;
  private static ReverseProxy proxy;

  @BeforeAll
  static void startTwoNodesBehindTheProxy() throws Exception {
    Path folder = Files.createDirectories(Path.of("target/it-data/cluster").toAbsolutePath());
    war = folder.resolve("secureflows-with-probes.war");
    Deployments.secureFlowsWithProbes().as(ZipExporter.class).exportTo(war.toFile(), true);
    int proxyPort = freePort();
    settingsA = nodeSettings(proxyPort);
    settingsB = nodeSettings(proxyPort);
    a = LaunchedNode.start("cluster-a", war, jdbcUrl(), settingsA);
    b = LaunchedNode.start("cluster-b", war, jdbcUrl(), settingsB);
    assertThat(a.awaitReady(240)).as(a.output() + a.serverLogTail()).isTrue();
    assertThat(b.awaitReady(240)).as(b.output() + b.serverLogTail()).isTrue();
    proxy = ReverseProxy.start(folder.resolve("proxy"), proxyPort, a, b);
    awaitProxySeesBothUp();
  }

  @AfterAll
  static void stopEverything() throws Exception {
    if (proxy != null) {
      proxy.close();
    }
    if (a != null) {
      a.close();
    }
    if (b != null) {
      b.close();
    }
  }

  @Test
  @Order(1)
  void eachNodeListensOnlyOnItsTwoLoopbackPorts() throws Exception {
    for (LaunchedNode node : List.of(a, b)) {
      long pid = node.server().pid();
      Process ss = new ProcessBuilder("ss", "-Hltnp").redirectErrorStream(true).start();
      String listening = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(ss.waitFor()).isZero();
      List<String> sockets =
          listening
              .lines()
              .filter(line -> line.contains("pid=" + pid + ","))
              .map(line -> line.trim().split("\\s+")[3])
              .sorted()
              .toList();
      assertThat(sockets)
          .as("what Payara Micro (pid %d) listens on: no Hazelcast, no admin, no wildcard", pid)
          .containsExactlyInAnyOrder(
              "127.0.0.1:" + node.httpPort(), "127.0.0.1:" + node.httpsPort());
    }
  }

  @Test
  @Order(2)
  void aTokenFromOneNodeWorksOnTheOtherAndASignOutThereIs410AtTheNextRequest() {
    Tenant tenant = Tenant.create(proxy.url(), "cluster");
    // Through the proxy (round robin per request), the authorize page, the password post and the
    // token exchange go to alternate nodes: the hosted login keeps nothing in one node's memory.
    Tenant.SignedIn user = tenant.newUserSignedIn();
    ApiClient onA = direct(a).bearer(user.token());
    ApiClient onB = direct(b).bearer(user.token());

    Reply written =
        onA.send(
            "PUT",
            "/api/v1/session/payload",
            HttpRequest.BodyPublishers.ofString("{\"from\":\"a\"}"),
            "Content-Type",
            "application/json");
    assertThat(written.status()).as(written.toString()).isEqualTo(200);
    Reply read = onB.get("/api/v1/session/payload");
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    assertThat(read.body()).isEqualTo("{\"from\":\"a\"}");

    assertThat(onA.postJson("/api/v1/session/signout", "").status()).isEqualTo(204);
    Reply afterSignOut = onB.get("/api/v1/session/payload");
    assertThat(afterSignOut.status())
        .as("the very next request on the other node: %s", afterSignOut)
        .isEqualTo(410);
    assertThat(afterSignOut.contentType()).isEqualTo("application/problem+json");
  }

  @Test
  @Order(3)
  void theConsoleStaysOnOneNodeThroughTheProxy() throws Exception {
    ConsoleClient console = ConsoleClient.overHttps(proxy.url().toURI());
    ConsoleClient.Page signedIn =
        console.signIn("admin", TestEnvironment.CONSOLE_ADMIN_PASSWORD, null);
    assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
    for (int i = 0; i < 6; i++) {
      ConsoleClient.Page page = console.get("/admin/workspaces.xhtml");
      assertThat(page.status()).as("page %d through the proxy", i).isEqualTo(200);
      assertThat(page.body()).contains("signedInAs");
    }
  }

  @Test
  @Order(4)
  void twoNodesPurgeEveryExpiredSessionExactlyOnce() throws Exception {
    Tenant tenant = Tenant.create(proxy.url(), "cluster-sweep");
    Tenant.SignedIn owner = tenant.newUserSignedIn();
    TestDatabase.insertExpiredSessions(
        tenant.workspaceId, tenant.applicationId, owner.userId(), EXPIRED_SESSIONS);

    long deadline = System.currentTimeMillis() + 120_000;
    long left = EXPIRED_SESSIONS;
    while (left > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(500);
      left = TestDatabase.sessionsBesides(tenant.applicationId, owner.sessionId());
    }
    assertThat(left).as("sessions left after two minutes").isZero();
    assertThat(TestDatabase.sessionsPurgedInTheAudit(tenant.workspaceId))
        .as("sessions the audit counts as purged: each once, none twice")
        .isEqualTo(EXPIRED_SESSIONS);
    for (LaunchedNode node : List.of(a, b)) {
      assertThat(Files.readAllLines(node.serverLog(), StandardCharsets.UTF_8))
          .as("the log of the node on port %d", node.httpPort())
          .noneMatch(line -> line.contains("SEVERE") || line.contains("sweep stopped"));
    }
  }

  @Test
  @Order(5)
  void aRewrapSharedByTwoNodesMovesEveryRowOnceThoughOneIsKilledMidway() throws Exception {
    ApiClient admin = ApiClient.forDeployment(proxy.url()).bearer(TestEnvironment.PLATFORM_API_KEY);
    Reply workspace = admin.postJson("/api/v1/admin/workspaces", "{\"name\":\"cluster rewrap\"}");
    assertThat(workspace.status()).as(workspace.toString()).isEqualTo(201);
    String workspaceId = workspace.json().getString("id");
    ApiClient probe = direct(a).withTimeout(Duration.ofMinutes(2));
    for (int done = 0; done < REWRAP_ROWS; done += 10_000) {
      Reply seeded =
          probe.postJson(
              "/api/v1/test/payloads/" + workspaceId + "/seed?count=10000&bytes=256", "");
      assertThat(seeded.status()).as(seeded.toString()).isEqualTo(200);
    }
    String onVersion =
        "select count(*) from session_payload where workspace_id = ?::uuid and key_version = ?";
    assertThat(TestDatabase.count(onVersion, workspaceId, 1)).isEqualTo(REWRAP_ROWS);

    try (RewrapTrace trace = RewrapTrace.install(workspaceId)) {
      Reply rotated =
          admin.postJson("/api/v1/admin/workspaces/" + workspaceId + "/keys/rotate", "");
      assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
      long deadline = System.currentTimeMillis() + 30_000;
      while (trace.updates() == 0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
      ProcessHandle serverB = b.server();
      assertThat(serverB.destroyForcibly()).as("SIGKILL to node b").isTrue();
      serverB.onExit().get(30, TimeUnit.SECONDS);
      long leftAtTheKill = TestDatabase.count(onVersion, workspaceId, 1);
      assertThat(leftAtTheKill).as("rows still on the old version when b was killed").isPositive();

      deadline = System.currentTimeMillis() + 120_000;
      while (TestDatabase.count(onVersion, workspaceId, 1) > 0
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(250);
      }
      assertThat(TestDatabase.count(onVersion, workspaceId, 1)).as("rows left on v1").isZero();
      assertThat(TestDatabase.count(onVersion, workspaceId, 2)).isEqualTo(REWRAP_ROWS);
      assertThat(trace.updates()).as("committed rewraps: one per row").isEqualTo(REWRAP_ROWS);
      assertThat(trace.distinctRows()).isEqualTo(REWRAP_ROWS);
    }
    assertThat(rewrappedInLog(a)).as("data keys node a reports having rewrapped").isPositive();

    b.close();
    b = LaunchedNode.start("cluster-b", war, jdbcUrl(), settingsB);
    assertThat(b.awaitReady(240)).as(b.output() + b.serverLogTail()).isTrue();
    awaitProxySeesBothUp();
  }

  @Test
  @Order(6)
  void stoppingANodeUnderLoadLosesNoRequestAndNoWrite() throws Exception {
    Tenant tenant = Tenant.create(proxy.url(), "cluster-stop");
    int writers = 6;
    int readers = 4;
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < writers + readers; i++) {
      tokens.add(tenant.newUserSignedIn().token());
    }
    HttpClient http =
        HttpClient.newBuilder()
            .sslContext(TestEnvironment.trustingTheServer())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    AtomicBoolean running = new AtomicBoolean(true);
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    long[] acknowledged = new long[writers];
    long[] answered = new long[writers + readers];
    List<Thread> clients = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      clients.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    String etag = null;
                    for (long sequence = 1; running.get(); sequence++) {
                      HttpRequest.Builder put =
                          payloadRequest(http, tokens.get(writer))
                              .header("Content-Type", "application/json")
                              .PUT(HttpRequest.BodyPublishers.ofString(document(sequence)));
                      if (etag != null) {
                        put.header("If-Match", etag);
                      }
                      HttpResponse<String> answer = send(http, put.build(), failures);
                      if (answer == null) {
                        return;
                      }
                      if (answer.statusCode() != 200) {
                        failures.add("PUT " + answer.statusCode() + " " + answer.body());
                        return;
                      }
                      acknowledged[writer] = sequence;
                      answered[writer]++;
                      etag = answer.headers().firstValue("ETag").orElseThrow();
                    }
                  }));
    }
    for (int r = 0; r < readers; r++) {
      int reader = writers + r;
      clients.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (running.get()) {
                      HttpResponse<String> answer =
                          send(http, payloadRequest(http, tokens.get(reader)).build(), failures);
                      if (answer == null) {
                        return;
                      }
                      if (answer.statusCode() != 200 && answer.statusCode() != 204) {
                        failures.add("GET " + answer.statusCode() + " " + answer.body());
                        return;
                      }
                      answered[reader]++;
                    }
                  }));
    }

    Thread.sleep(5_000);
    Map<String, ReverseProxy.ServerState> beforeTheStop = proxy.apiServers();
    LaunchedNode stopped = b;
    Thread stopping =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    stopped.close();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    Reply draining = awaitNotReady(stopped);
    assertThat(draining.body()).contains("\"traffic\"").containsPattern("\"draining\":\"?true");
    assertThat(direct(stopped).bearer(tokens.get(writers)).get("/api/v1/session/payload").status())
        .as("a draining node still answers")
        .isIn(200, 204);
    stopping.join(60_000);
    Thread.sleep(2_000);
    running.set(false);
    for (Thread client : clients) {
      client.join(30_000);
    }
    Map<String, ReverseProxy.ServerState> afterTheStop = proxy.apiServers();

    assertThat(failures).as("requests that failed while node b stopped").isEmpty();
    assertThat(beforeTheStop.get("b").connections())
        .as("node b served through the proxy before it stopped")
        .isPositive();
    assertThat(afterTheStop.get("a").up()).isTrue();
    assertThat(afterTheStop.get("b").up()).isFalse();
    for (int i = 0; i < answered.length; i++) {
      assertThat(answered[i]).as("client %d kept being answered", i).isPositive();
    }
    for (int w = 0; w < writers; w++) {
      Reply stored = direct(a).bearer(tokens.get(w)).get("/api/v1/session/payload");
      assertThat(stored.status()).isEqualTo(200);
      assertThat(stored.body())
          .as("writer %d's last answered write, byte for byte", w)
          .isEqualTo(document(acknowledged[w]));
    }
  }

  @Test
  @Order(7)
  void aNodeRefusesADrainSettingThatIsNotAWholeNumberOfSeconds() throws Exception {
    Map<String, String> settings = new HashMap<>(settingsA);
    settings.put("SF_HTTP_PORT", Integer.toString(freePort()));
    settings.put("SF_HTTPS_PORT", Integer.toString(freePort()));
    settings.put("SF_SHUTDOWN_DRAIN_SECONDS", "soon");
    try (LaunchedNode refused = LaunchedNode.start("cluster-refused", war, jdbcUrl(), settings)) {
      assertThat(refused.awaitExit(60)).as(refused.output()).isEqualTo(1);
      assertThat(refused.output())
          .contains("SF_SHUTDOWN_DRAIN_SECONDS must be a whole number of seconds from 0 to 300");
    }
  }

  private static HttpRequest.Builder payloadRequest(HttpClient http, String token) {
    return HttpRequest.newBuilder(
            URI.create("https://127.0.0.1:" + proxy.port() + "/api/v1/session/payload"))
        .header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(20));
  }

  private static HttpResponse<String> send(
      HttpClient http, HttpRequest request, ConcurrentLinkedQueue<String> failures) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      failures.add(request.method() + " failed: " + e);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** A payload document that differs with its sequence number. */
  private static String document(long sequence) {
    return "{\"seq\":"
        + sequence
        + ",\"text\":\""
        + Long.toHexString(sequence * 31).repeat(8)
        + "\"}";
  }

  /** A client of one node's own HTTPS listener, bypassing the proxy. */
  private static ApiClient direct(LaunchedNode node) {
    try {
      return ApiClient.forDeployment(
          URI.create("https://127.0.0.1:" + node.httpsPort() + "/").toURL());
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long rewrappedInLog(LaunchedNode node) throws IOException {
    long total = 0;
    for (String line : Files.readAllLines(node.serverLog(), StandardCharsets.UTF_8)) {
      Matcher rewrapped = REWRAPPED.matcher(line);
      if (rewrapped.find()) {
        total += Long.parseLong(rewrapped.group(1));
      }
    }
    return total;
  }

  /** Polls a node's readiness over its own HTTPS listener until it reports DOWN; that answer. */
  private static Reply awaitNotReady(LaunchedNode node) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    Reply health = direct(node).get("/health/ready");
    while (health.status() == 200 && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
      health = direct(node).get("/health/ready");
    }
    assertThat(health.status()).as("readiness while the node drains: %s", health).isEqualTo(503);
    return health;
  }

  private static void awaitProxySeesBothUp() throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    Map<String, ReverseProxy.ServerState> servers = proxy.apiServers();
    while (!(servers.get("a").up() && servers.get("b").up())
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
      servers = proxy.apiServers();
    }
    assertThat(servers.values())
        .as("both nodes UP in HAProxy\n" + proxy.output())
        .allMatch(ReverseProxy.ServerState::up);
  }

  /** Settings both nodes share: one database, master key, certificate and issuer (the proxy). */
  private static Map<String, String> nodeSettings(int proxyPort) throws IOException {
    TestEnvironment.Environment environment = TestEnvironment.get();
    Map<String, String> settings = new HashMap<>();
    settings.put("SF_HTTP_PORT", Integer.toString(freePort()));
    settings.put("SF_HTTPS_PORT", Integer.toString(freePort()));
    settings.put("SF_TOKEN_ISSUER", "https://127.0.0.1:" + proxyPort);
    settings.put("SF_MASTER_KEY_KEYSTORE", environment.masterKeystore().toString());
    settings.put(
        "SF_MASTER_KEY_KEYSTORE_PASSWORD",
        environment.secrets().getOrCreate("master-keystore.password"));
    settings.put("SF_TLS_KEYSTORE", environment.tls().file().toString());
    settings.put("SF_TLS_KEYSTORE_PASSWORD", environment.tls().password());
    settings.put("SF_TLS_ALIAS", environment.tls().alias());
    settings.put("SF_ADMIN_API_KEY", TestEnvironment.PLATFORM_API_KEY);
    settings.put("SF_ADMIN_PASSWORD", TestEnvironment.CONSOLE_ADMIN_PASSWORD);
    // Longer than HAProxy needs to see readiness DOWN twice a second apart (payara/haproxy.cfg).
    settings.put("SF_SHUTDOWN_DRAIN_SECONDS", "4");
    return Map.copyOf(settings);
  }

  private static String jdbcUrl() {
    return TestEnvironment.get().database().jdbcUrl();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * A trigger, installed by the superuser for one workspace, that records each committed change of
   * a payload's key version: a rolled-back batch leaves no record, a row rewrapped twice leaves
   * two.
   */
  private static final class RewrapTrace implements AutoCloseable {
    static RewrapTrace install(String workspaceId) throws SQLException {
      try (Connection c = TestDatabase.asSuperuser();
          Statement s = c.createStatement()) {
        s.execute("create table if not exists test_rewrap_trace (session_id uuid not null)");
        s.execute("truncate test_rewrap_trace");
        s.execute(
            "create or replace function test_trace_rewrap() returns trigger language plpgsql "
                + "security definer as $$ begin "
                + "insert into test_rewrap_trace values (new.session_id); return new; end $$");
        s.execute(
            "create trigger test_trace_rewrap after update of key_version on session_payload "
                + "for each row when (old.key_version is distinct from new.key_version "
                + "and new.workspace_id = '"
                + java.util.UUID.fromString(workspaceId)
                + "') execute function test_trace_rewrap()");
      }
      return new RewrapTrace();
    }

    long updates() throws SQLException {
      return TestDatabase.count("select count(*) from test_rewrap_trace");
    }

    long distinctRows() throws SQLException {
      return TestDatabase.count("select count(distinct session_id) from test_rewrap_trace");
    }

    @Override
    public void close() throws SQLException {
      try (Connection c = TestDatabase.asSuperuser();
          Statement s = c.createStatement()) {
        s.execute("drop trigger if exists test_trace_rewrap on session_payload");
        s.execute("drop function if exists test_trace_rewrap()");
        s.execute("drop table if exists test_rewrap_trace");
      }
    }
  }
}
