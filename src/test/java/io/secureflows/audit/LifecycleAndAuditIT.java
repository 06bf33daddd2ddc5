package io.secureflows.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secureflows.audit.domain.AuditEvent;
import io.secureflows.crypto.HashChain;
import io.secureflows.testsupport.ApiClient;
import io.secureflows.testsupport.Deployments;
import io.secureflows.testsupport.IntegrationTest;
import io.secureflows.testsupport.Reply;
import io.secureflows.testsupport.Tenant;
import io.secureflows.testsupport.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Data does not outlive its policy, and operators can prove who saw what: session expiry and the
 * sweeper (SECURITY-TESTS case 24), the audit hash chain, its verification and offline check (case
 * 19), audit and access-log queries and streamed exports, retention.
 */
@IntegrationTest
class LifecycleAndAuditIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.secureFlowsWithProbes();
  }

  @ArquillianResource URL deployment;

  private Tenant tenant;

  @BeforeEach
  void workspace() {
    tenant = Tenant.create(deployment, "life");
  }

  private ApiClient api() {
    return ApiClient.forDeployment(deployment);
  }

  private String workspacePath() {
    return "/api/v1/admin/workspaces/" + tenant.workspaceId;
  }

  private Reply changePolicy(String json) {
    Reply changed =
        tenant
            .platformAdmin()
            .patchJson(workspacePath() + "/applications/" + tenant.applicationId, json);
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    return changed;
  }

  private Reply putPayload(String token, String json) {
    return api()
        .bearer(token)
        .send(
            "PUT",
            "/api/v1/session/payload",
            BodyPublishers.ofString(json),
            "Content-Type",
            "application/json");
  }

  private long sweep() {
    return Long.parseLong(
        api().send("POST", "/api/v1/test/jobs/sweep", BodyPublishers.noBody()).body());
  }

  private static long count(String sql, Object... parameters) throws SQLException {
    return TestDatabase.count(sql, parameters);
  }

  @Test
  void anIdleSessionAnswers410AtOnceAndItsDataIsPurgedByTheSweeperAfterTheGrace() throws Exception {
    changePolicy(
        "{\"sessionIdleTtlSeconds\":5,\"sessionMaxTtlSeconds\":3600,\"sessionGraceSeconds\":3600}");
    Tenant.SignedIn alice = tenant.newUserSignedIn();
    assertThat(putPayload(alice.token(), "{\"cart\":[1,2,3]}").status()).isEqualTo(200);
    Thread.sleep(6_000);

    Reply gone = api().bearer(alice.token()).get("/api/v1/session/payload");
    assertThat(gone.status()).isEqualTo(410);
    assertThat(gone.header("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    assertThat(
            count(
                "select count(*) from session_payload where session_id = ?::uuid",
                alice.sessionId()))
        .as("within the grace period the data is still there, unreachable")
        .isEqualTo(1);

    changePolicy("{\"sessionGraceSeconds\":0}");
    sweep();
    assertThat(
            count(
                "select count(*) from session_payload where session_id = ?::uuid",
                alice.sessionId()))
        .isZero();
    assertThat(count("select count(*) from user_session where id = ?::uuid", alice.sessionId()))
        .isZero();
    assertThat(
            count(
                "select count(*) from audit_event where workspace_id = ?::uuid and action = 'session.purged' "
                    + "and actor_type = 'SYSTEM' and application_id = ?::uuid and target = 'sessions:1'",
                tenant.workspaceId,
                tenant.applicationId))
        .isEqualTo(1);

    Tenant.SignedIn again = tenant.signIn(alice.userId(), alice.email());
    assertThat(again.sessionId()).isNotEqualTo(alice.sessionId());
    assertThat(api().bearer(again.token()).get("/api/v1/session/payload").status()).isEqualTo(204);
  }

  @Test
  void aShorterPolicyEndsExistingSessionsAtOnce() throws Exception {
    Tenant.SignedIn alice = tenant.newUserSignedIn();
    assertThat(api().bearer(alice.token()).get("/api/v1/session").status()).isEqualTo(200);
    changePolicy(
        "{\"sessionIdleTtlSeconds\":1,\"sessionMaxTtlSeconds\":1,\"sessionGraceSeconds\":3600}");
    Thread.sleep(1_100);
    assertThat(api().bearer(alice.token()).get("/api/v1/session").status()).isEqualTo(410);
    changePolicy(
        "{\"sessionIdleTtlSeconds\":3600,\"sessionMaxTtlSeconds\":7200,\"sessionGraceSeconds\":3600}");
    assertThat(api().bearer(alice.token()).get("/api/v1/session").status())
        .as("a longer policy never revives an ended session")
        .isEqualTo(410);
    Reply invalid =
        tenant
            .platformAdmin()
            .patchJson(
                workspacePath() + "/applications/" + tenant.applicationId,
                "{\"sessionIdleTtlSeconds\":10,\"sessionMaxTtlSeconds\":5,\"clientId\":\"other\"}");
    assertThat(invalid.status()).isEqualTo(400);
  }

  // Case 24: two sweepers at once delete each row exactly once.
  @Test
  void concurrentSweepersPurgeEveryExpiredSessionExactlyOnce() throws Exception {
    Tenant.SignedIn owner = tenant.newUserSignedIn();
    int sessions = 3_000;
    TestDatabase.insertExpiredSessions(
        tenant.workspaceId, tenant.applicationId, owner.userId(), sessions);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Long>> sweeps = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        sweeps.add(pool.submit(this::sweep));
      }
      long reported = 0;
      for (Future<Long> sweep : sweeps) {
        reported += sweep.get();
      }
      assertThat(reported).isLessThanOrEqualTo(sessions + 10L);
    } finally {
      pool.shutdownNow();
    }
    sweep();
    assertThat(TestDatabase.sessionsBesides(tenant.applicationId, owner.sessionId())).isZero();
    assertThat(TestDatabase.sessionsPurgedInTheAudit(tenant.workspaceId)).isEqualTo(sessions);
    assertThat(api().bearer(owner.token()).get("/api/v1/session").status()).isEqualTo(200);
  }

  private JsonObject verify(ApiClient client) {
    Reply verify = client.get(workspacePath() + "/audit/verify");
    assertThat(verify.status()).as(verify.body()).isEqualTo(200);
    return verify.json();
  }

  private JsonObject verifiedWithin(ApiClient client, int seconds) throws InterruptedException {
    JsonObject result = verify(client);
    long deadline = System.currentTimeMillis() + seconds * 1_000L;
    while ((result.getJsonNumber("checked").longValue() < 3 || !result.getBoolean("intact"))
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(250);
      result = verify(client);
    }
    return result;
  }

  // Case 19: the runtime role cannot change the trail; an edit by anyone else breaks the chain.
  @Test
  void theChainIsSealedWithinSecondsAndVerifyNamesTheFirstEditedRecord() throws Exception {
    tenant.newUserSignedIn();
    tenant.newUserSignedIn();
    ApiClient auditor = api().bearer(tenant.workspaceApiKey("auditor"));
    JsonObject sealed = verifiedWithin(auditor, 10);
    assertThat(sealed.getBoolean("intact")).as(sealed.toString()).isTrue();
    assertThat(sealed.getJsonNumber("checked").longValue()).isGreaterThanOrEqualTo(3);

    try (Connection runtime = TestDatabase.asRuntime();
        Statement s = runtime.createStatement()) {
      runtime.setAutoCommit(false);
      s.execute("select set_config('sf.workspace_id', '" + tenant.workspaceId + "', true)");
      assertThatThrownBy(() -> s.executeUpdate("update audit_event set target = 'forged'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
      runtime.rollback();
      assertThatThrownBy(() -> s.executeUpdate("delete from audit_event"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
      runtime.rollback();
      assertThatThrownBy(() -> s.executeUpdate("update audit_seal set seq = seq + 1"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
      runtime.rollback();
    }

    // The owner may edit its own table, once it lifts the row-level security that binds it too.
    String edited;
    try (Connection owner = TestDatabase.asOwner();
        Statement s = owner.createStatement()) {
      owner.setAutoCommit(false);
      s.execute("alter table audit_event no force row level security");
      s.execute("alter table audit_seal no force row level security");
      var r =
          s.executeQuery(
              "select e.id from audit_event e join audit_seal s on s.event_id = e.id "
                  + "where s.workspace_id = '"
                  + tenant.workspaceId
                  + "' and s.seq = 2");
      r.next();
      edited = r.getString(1);
      assertThat(
              s.executeUpdate(
                  "update audit_event set actor_id = 'someone else' where id = '" + edited + "'"))
          .isEqualTo(1);
      s.execute("alter table audit_seal force row level security");
      s.execute("alter table audit_event force row level security");
      owner.commit();
    }
    JsonObject broken = verify(auditor);
    assertThat(broken.getBoolean("intact")).isFalse();
    assertThat(broken.getString("brokenEvent")).isEqualTo(edited);
    assertThat(broken.getJsonNumber("brokenSeq").longValue()).isEqualTo(2);
    assertThat(broken.getString("problem")).contains("changed");
  }

  @Test
  void everyAdminAndSecurityEventIsAuditedWithActorTimeAndCorrelation() throws Exception {
    ApiClient admin = tenant.platformAdmin();
    Tenant.SignedIn alice = tenant.newUserSignedIn();
    String key = tenant.workspaceApiKey("workspace-admin");
    admin.postJson(workspacePath() + "/keys/rotate", "{}");
    changePolicy("{\"name\":\"Renamed\"}");
    Reply revoke =
        api()
            .bearer(key)
            .send(
                "POST",
                workspacePath() + "/sessions/" + alice.sessionId() + "/revoke",
                BodyPublishers.noBody(),
                "X-Correlation-Id",
                "ticket-4711");
    assertThat(revoke.status()).isEqualTo(204);
    assertThat(revoke.header("X-Correlation-Id")).hasValue("ticket-4711");

    ApiClient auditor = api().bearer(tenant.workspaceApiKey("auditor"));
    List<String> actions = new ArrayList<>();
    Reply page = auditor.get(workspacePath() + "/audit?limit=1000");
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    page.items()
        .forEach(
            i -> {
              JsonObject row = i.asJsonObject();
              actions.add(row.getString("action"));
              assertThat(row.getString("occurredAt")).isNotEmpty();
              assertThat(row.getString("actorType")).isNotEmpty();
              assertThat(row.getString("correlationId")).isNotEmpty();
            });
    assertThat(actions)
        .contains(
            "workspace.created",
            "application.registered",
            "application.changed",
            "user.created",
            "login.succeeded",
            "api_key.issued",
            "key.rotated",
            "session.revoked");
    JsonObject revoked =
        auditor.get(workspacePath() + "/audit?action=session.revoked").items().getJsonObject(0);
    assertThat(revoked.getString("sessionId")).isEqualTo(alice.sessionId());
    assertThat(revoked.getString("actorType")).isEqualTo("API_KEY");
    assertThat(revoked.getString("correlationId")).isEqualTo("ticket-4711");
  }

  @Test
  void auditQueriesPageByKeysetAndExportsStreamWithTheChainSoTheyVerifyOffline() throws Exception {
    for (int i = 0; i < 5; i++) {
      tenant.newUserSignedIn();
    }
    api().send("POST", "/api/v1/test/jobs/seal", BodyPublishers.noBody());
    ApiClient auditor = api().bearer(tenant.workspaceApiKey("auditor"));
    String audit = workspacePath() + "/audit";

    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      Reply page =
          auditor.get(
              audit + "?action=user.created&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      page.items().forEach(i -> ids.add(i.asJsonObject().getString("id")));
      cursor = page.json().isNull("next") ? null : page.json().getString("next");
    } while (cursor != null);
    assertThat(ids).hasSize(5).doesNotHaveDuplicates();

    for (String bad :
        List.of(
            "from=yesterday",
            "limit=0",
            "action=" + URLEncoder.encode("x' or '1'='1", StandardCharsets.UTF_8),
            "sessionId=42",
            "cursor=%27")) {
      Reply reply = auditor.get(audit + "?" + bad);
      assertThat(reply.status()).as(bad).isEqualTo(400);
      assertThat(reply.contentType()).startsWith("application/problem+json");
    }
    assertThat(auditor.get(audit + "/export?format=xml").status()).isEqualTo(400);

    Reply jsonl = auditor.get(audit + "/export?format=jsonl");
    assertThat(jsonl.status()).isEqualTo(200);
    assertThat(jsonl.contentType()).startsWith("application/jsonl");
    String[] lines = jsonl.body().split("\n");
    assertThat(lines.length).isGreaterThanOrEqualTo(12);
    // The chain's order is the seal order; an export is in time order, so sort as an offline check
    // must.
    List<JsonObject> sealed = new ArrayList<>();
    for (String line : lines) {
      JsonObject row = Json.createReader(new StringReader(line)).readObject();
      if (!row.isNull("chainSeq")) {
        sealed.add(row);
      }
    }
    sealed.sort(java.util.Comparator.comparingLong(r -> r.getJsonNumber("chainSeq").longValue()));
    byte[] previous = HashChain.GENESIS;
    long seq = 0;
    for (JsonObject row : sealed) {
      assertThat(row.getJsonNumber("chainSeq").longValue()).isEqualTo(++seq);
      assertThat(HexFormat.of().parseHex(row.getString("chainPrevHash"))).isEqualTo(previous);
      byte[] link =
          HashChain.link(
              previous,
              HashChain.contentDigest(
                  AuditEvent.canonicalFields(
                      UUID.fromString(row.getString("id")),
                      Instant.parse(row.getString("occurredAt")),
                      UUID.fromString(tenant.workspaceId),
                      row.getString("actorType"),
                      text(row, "actorId"),
                      row.getString("action"),
                      row.getString("outcome"),
                      uuid(row, "applicationId"),
                      uuid(row, "sessionId"),
                      text(row, "target"),
                      text(row, "clientAddress"),
                      text(row, "reason"),
                      text(row, "correlationId"))));
      assertThat(HexFormat.of().formatHex(link)).isEqualTo(row.getString("chainHash"));
      previous = link;
    }
    assertThat(seq).isGreaterThanOrEqualTo(12);

    Reply csv = auditor.get(audit + "/export?format=csv&action=user.created");
    assertThat(csv.contentType()).startsWith("text/csv");
    String[] rows = csv.body().split("\r\n");
    assertThat(rows[0]).startsWith("id,occurredAt,actorType,actorId,action");
    assertThat(rows).hasSize(6);

    Tenant other = Tenant.create(deployment, "life-other");
    assertThat(auditor.get("/api/v1/admin/workspaces/" + other.workspaceId + "/audit").status())
        .isEqualTo(404);
    assertThat(
            auditor.get("/api/v1/admin/workspaces/" + other.workspaceId + "/audit/export").status())
        .isEqualTo(404);
  }

  private static String text(JsonObject row, String name) {
    return row.isNull(name) ? null : row.getString(name);
  }

  private static UUID uuid(JsonObject row, String name) {
    return row.isNull(name) ? null : UUID.fromString(row.getString(name));
  }

  @Test
  void theAccessLogIsQueriedExportedAndKeptOnlyForItsRetention() throws Exception {
    Tenant.SignedIn alice = tenant.newUserSignedIn();
    putPayload(alice.token(), "{\"a\":1}");
    ApiClient auditor = api().bearer(tenant.workspaceApiKey("auditor"));
    String log = workspacePath() + "/access-log";
    Reply page = auditor.get(log + "?route=/v1/session/payload&status=200");
    long deadline = System.currentTimeMillis() + 10_000;
    while (page.items().isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(250);
      page = auditor.get(log + "?route=/v1/session/payload&status=200");
    }
    JsonObject call = page.items().getJsonObject(0);
    assertThat(call.getString("method")).isEqualTo("PUT");
    assertThat(call.getString("sessionId")).isEqualTo(alice.sessionId());
    for (String filter :
        List.of(
            "route=/v1/session/payload' OR '1'='1",
            "actor=x' OR 1=1 --",
            "status=200 OR 1=1",
            "sessionId='; DROP TABLE access_log; --",
            "applicationId=%",
            "from=2020-01-01' OR '1'='1")) {
      String[] nameAndValue = filter.split("=", 2);
      Reply filtered =
          auditor.get(
              log
                  + "?"
                  + nameAndValue[0]
                  + "="
                  + java.net.URLEncoder.encode(nameAndValue[1], StandardCharsets.UTF_8));
      assertThat(filtered.status()).as(filter).isIn(200, 400);
      assertThat(filtered.body()).as(filter).doesNotContain("PSQL").doesNotContain("SQLState");
      if (filtered.status() == 200) {
        assertThat(filtered.items()).as("rows for " + filter).isEmpty();
      }
    }
    Reply csv = auditor.get(log + "/export?format=csv&sessionId=" + alice.sessionId());
    assertThat(csv.body().split("\r\n")[0])
        .isEqualTo(
            "id,occurredAt,actorType,actorId,method,route,status,latencyMicros,applicationId,sessionId,correlationId");

    String marker = "refused-" + UUID.randomUUID();
    assertThat(
            api()
                .get(
                    "/api/v1/admin/workspaces",
                    "Authorization",
                    "Bearer sfk_wrong",
                    "X-Correlation-Id",
                    marker)
                .status())
        .isEqualTo(401);
    long refused = 0;
    long until = System.currentTimeMillis() + 10_000;
    while (refused == 0 && System.currentTimeMillis() < until) {
      Thread.sleep(200);
      refused =
          count(
              "select count(*) from access_log where correlation_id = ? and status = 401 "
                  + "and route = '(no resource)' and method = 'GET' and actor_type = 'ANONYMOUS'",
              marker);
    }
    assertThat(refused)
        .as(
            "a request refused before any resource is logged too: "
                + count("select count(*) from access_log where status = 401"))
        .isEqualTo(1);

    Reply metrics = api().get("/metrics?scope=application");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("secureflows_access_log_dropped")
        .contains("secureflows_access_log_queued");
    assertThat(api().get("/health/ready").body()).contains("access-log").contains("dropped");

    try (Connection c = TestDatabase.asSuperuser();
        PreparedStatement old =
            c.prepareStatement(
                "insert into access_log (occurred_at, workspace_id, actor_type, method, route, status, latency_micros) "
                    + "values (now() - interval '40 days', ?::uuid, 'ANONYMOUS', 'GET', '/old', 200, 1)")) {
      old.setString(1, tenant.workspaceId);
      old.executeUpdate();
    }
    sweep();
    assertThat(
            count(
                "select count(*) from access_log where route = '/old' and workspace_id = ?::uuid",
                tenant.workspaceId))
        .isZero();
    assertThat(
            count(
                "select count(*) from access_log where workspace_id = ?::uuid", tenant.workspaceId))
        .isPositive();
  }

  @Test
  void recordsPastTheirRetentionAreRemovedAsAPrefixAndTheChainStillVerifies() throws Exception {
    String workspace = UUID.randomUUID().toString();
    try (Connection c = TestDatabase.asSuperuser();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "insert into workspace (id, name, created_at, updated_at, audit_retention_days) values ('"
              + workspace
              + "', 'retention', now() - interval '500 days', now(), 365)");
      s.executeUpdate(
          "insert into audit_event (id, occurred_at, workspace_id, actor_type, actor_id, action, "
              + "outcome, target) select gen_random_uuid(), now() - interval '400 days' + g * interval '1 second', '"
              + workspace
              + "', 'SYSTEM', 'test', 'old.record', 'SUCCESS', 'old:' || g from generate_series(1, 250) g");
    }
    api().send("POST", "/api/v1/test/jobs/seal", BodyPublishers.noBody());
    try (Connection c = TestDatabase.asSuperuser();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "insert into audit_event (id, occurred_at, workspace_id, actor_type, actor_id, action, "
              + "outcome, target) values (gen_random_uuid(), now() - interval '10 days', '"
              + workspace
              + "', 'SYSTEM', 'test', 'recent.record', 'SUCCESS', 'recent')");
    }
    api().send("POST", "/api/v1/test/jobs/seal", BodyPublishers.noBody());

    try (Connection runtime = TestDatabase.asRuntime();
        Statement s = runtime.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("select sf_purge_audit(10)"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("inside a workspace");
    }
    sweep();

    assertThat(
            count(
                "select count(*) from audit_event where workspace_id = ?::uuid and action = 'old.record'",
                workspace))
        .isZero();
    assertThat(
            count(
                "select count(*) from audit_event where workspace_id = ?::uuid and action = 'recent.record'",
                workspace))
        .isEqualTo(1);
    assertThat(count("select seq from audit_chain_anchor where workspace_id = ?::uuid", workspace))
        .isEqualTo(250);
    assertThat(
            count(
                "select count(*) from audit_event where workspace_id = ?::uuid and action = 'audit.purged' "
                    + "and target like 'records:%'",
                workspace))
        .isPositive();
    api().send("POST", "/api/v1/test/jobs/seal", BodyPublishers.noBody());
    Reply verify =
        tenant.platformAdmin().get("/api/v1/admin/workspaces/" + workspace + "/audit/verify");
    assertThat(verify.status()).as(verify.body()).isEqualTo(200);
    assertThat(verify.json().getBoolean("intact")).as(verify.body()).isTrue();
    assertThat(verify.json().getJsonNumber("checked").longValue()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void spentCodesEndedHostedLoginsAndStaleLockoutsAreSweptToo() throws Exception {
    Tenant.SignedIn alice = tenant.newUserSignedIn();
    String email = "locked-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    Reply locked =
        tenant
            .platformAdmin()
            .postJson(
                workspacePath() + "/users",
                "{\"email\":\"" + email + "\",\"password\":\"" + Tenant.PASSWORD + "\"}");
    String lockedId = locked.json().getString("id");
    try (Connection c = TestDatabase.asSuperuser();
        Statement s = c.createStatement()) {
      String ws = "'" + tenant.workspaceId + "'";
      s.executeUpdate(
          "update authorization_code set expires_at = now() - interval '1 minute' where workspace_id = "
              + ws);
      s.executeUpdate(
          "update login_session set expires_at = now() - interval '1 minute' where workspace_id = "
              + ws);
      s.executeUpdate(
          "update end_user set failed_attempts = 9, locked_until = now() - interval '2 days' where id = '"
              + lockedId
              + "'");
    }
    assertThat(
            count(
                "select count(*) from authorization_code where workspace_id = ?::uuid",
                tenant.workspaceId))
        .isPositive();
    sweep();
    assertThat(
            count(
                "select count(*) from authorization_code where workspace_id = ?::uuid",
                tenant.workspaceId))
        .isZero();
    assertThat(
            count(
                "select count(*) from login_session where workspace_id = ?::uuid",
                tenant.workspaceId))
        .isZero();
    assertThat(
            count(
                "select count(*) from end_user where id = ?::uuid and failed_attempts = 0 and locked_until is null",
                lockedId))
        .isEqualTo(1);
    assertThat(api().bearer(alice.token()).get("/api/v1/session").status()).isEqualTo(200);
  }

  @Test
  void thePlatformChainOfEventsWithoutAWorkspaceVerifiesForPlatformOperatorsOnly() {
    ApiClient admin = tenant.platformAdmin();
    assertThat(admin.postJson("/api/v1/admin/signing-keys/rotate", "").status()).isEqualTo(200);
    api().send("POST", "/api/v1/test/jobs/seal", BodyPublishers.noBody());
    Reply verify = admin.get("/api/v1/admin/audit/verify");
    assertThat(verify.status()).as(verify.body()).isEqualTo(200);
    assertThat(verify.json().getBoolean("intact")).as(verify.body()).isTrue();
    assertThat(verify.json().getJsonNumber("checked").longValue()).isPositive();
    assertThat(
            api()
                .bearer(tenant.workspaceApiKey("workspace-admin"))
                .get("/api/v1/admin/audit/verify")
                .status())
        .isEqualTo(403);
  }

  @Test
  void theRuntimeRoleCannotSeeOrTouchAnotherWorkspacesTrail() throws Exception {
    tenant.newUserSignedIn();
    try (Connection runtime = TestDatabase.asRuntime();
        Statement s = runtime.createStatement()) {
      var r = s.executeQuery("select count(*) from audit_event where workspace_id is not null");
      r.next();
      assertThat(r.getLong(1)).isZero();
      var seals = s.executeQuery("select count(*) from audit_seal where workspace_id is not null");
      seals.next();
      assertThat(seals.getLong(1)).isZero();
    }
  }
}
