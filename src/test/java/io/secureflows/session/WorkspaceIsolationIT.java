package io.secureflows.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureflows.launcher.EmbeddedDatabase;
import io.secureflows.testsupport.ApiClient;
import io.secureflows.testsupport.Deployments;
import io.secureflows.testsupport.IntegrationTest;
import io.secureflows.testsupport.Reply;
import io.secureflows.testsupport.Tenant;
import io.secureflows.testsupport.TestDatabase;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Workspace isolation as an attacker and an operator meet it: SECURITY-TESTS cases 1, 2, 4 and 5
 * (isolation) and 14 and 15 (input), the database's row-level security seen as the runtime role,
 * the admin sessions API with its fail-closed payload read, concurrent conditional writers, and the
 * access log.
 */
@IntegrationTest
class WorkspaceIsolationIT {
  private static final Set<String> ISOLATED_TABLES =
      Set.of(
          "application",
          "end_user",
          "user_session",
          "session_payload",
          "authorization_code",
          "login_session",
          "audit_event",
          "access_log",
          "audit_seal",
          "audit_chain_anchor");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.secureFlowsWithProbes();
  }

  @ArquillianResource URL deployment;

  private Tenant a;
  private Tenant b;

  @BeforeEach
  void twoWorkspaces() {
    a = Tenant.create(deployment, "iso-a");
    b = Tenant.create(deployment, "iso-b");
  }

  private ApiClient api() {
    return ApiClient.forDeployment(deployment);
  }

  private Reply put(String token, String json, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type";
    all[1] = "application/json";
    System.arraycopy(headers, 0, all, 2, headers.length);
    return api().bearer(token).send("PUT", "/api/v1/session/payload", ofString(json), all);
  }

  private static java.net.http.HttpRequest.BodyPublisher ofString(String body) {
    return BodyPublishers.ofString(body, StandardCharsets.UTF_8);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static byte[] ciphertextOf(String sessionId) throws SQLException {
    try (Connection c = TestDatabase.asSuperuser();
        PreparedStatement p =
            c.prepareStatement(
                "select ciphertext from session_payload where session_id = ?::uuid")) {
      p.setString(1, sessionId);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? r.getBytes(1) : null;
      }
    }
  }

  private static long auditCount(String workspace, String action, String extraCondition)
      throws SQLException {
    return TestDatabase.count(
        "select count(*) from audit_event where workspace_id = ?::uuid and action = ? and "
            + extraCondition,
        workspace,
        action);
  }

  // Case 1 and 2: a token names its session; no id a client sends reaches another workspace.
  @Test
  void aTokenOfWorkspaceANeverReachesWorkspaceBWhateverIdsTheRequestCarries() throws Exception {
    Tenant.SignedIn alice = a.newUserSignedIn();
    Tenant.SignedIn bob = b.newUserSignedIn();
    assertThat(put(alice.token(), "{\"owner\":\"alice\"}").status()).isEqualTo(200);
    assertThat(put(bob.token(), "{\"owner\":\"bob\"}").status()).isEqualTo(200);
    byte[] bobsCiphertext = ciphertextOf(bob.sessionId());

    String foreignIds =
        "?workspaceId="
            + b.workspaceId
            + "&sessionId="
            + bob.sessionId()
            + "&userId="
            + bob.userId()
            + "&keyVersion=1&expiresAt=2999-01-01T00:00:00Z";
    Reply read = api().bearer(alice.token()).get("/api/v1/session/payload" + foreignIds);
    assertThat(read.body()).isEqualTo("{\"owner\":\"alice\"}");
    Reply session = api().bearer(alice.token()).get("/api/v1/session" + foreignIds);
    assertThat(session.json().getString("sessionId")).isEqualTo(alice.sessionId());
    String bodyNamingB =
        "{\"workspaceId\":\""
            + b.workspaceId
            + "\",\"sessionId\":\""
            + bob.sessionId()
            + "\",\"keyVersion\":1,\"expiresAt\":\"2999-01-01T00:00:00Z\"}";
    assertThat(
            api()
                .bearer(alice.token())
                .send(
                    "PUT",
                    "/api/v1/session/payload" + foreignIds,
                    ofString(bodyNamingB),
                    "Content-Type",
                    "application/json")
                .status())
        .isEqualTo(200);
    assertThat(api().bearer(alice.token()).delete("/api/v1/session/payload" + foreignIds).status())
        .isEqualTo(204);

    assertThat(api().bearer(bob.token()).get("/api/v1/session/payload").body())
        .isEqualTo("{\"owner\":\"bob\"}");
    assertThat(ciphertextOf(bob.sessionId())).isEqualTo(bobsCiphertext);
    assertThat(api().bearer(alice.token()).get("/api/v1/session/payload").status()).isEqualTo(204);
  }

  @Test
  void idsInAnAdminBodyNeverMoveAnObjectIntoAnotherWorkspace() {
    String clientId = "moved-" + UUID.randomUUID().toString().substring(0, 8);
    Reply created =
        a.platformAdmin()
            .postJson(
                "/api/v1/admin/workspaces/" + a.workspaceId + "/applications",
                "{\"clientId\":\""
                    + clientId
                    + "\",\"name\":\"X\",\"type\":\"web\",\"workspaceId\":\""
                    + b.workspaceId
                    + "\",\"redirectUris\":[\""
                    + Tenant.REDIRECT
                    + "\"]}");
    assertThat(created.status()).as(created.body()).isIn(201, 400);
    if (created.status() == 201) {
      String id = created.json().getString("id");
      assertThat(
              a.platformAdmin()
                  .get("/api/v1/admin/workspaces/" + b.workspaceId + "/applications/" + id)
                  .status())
          .isEqualTo(404);
      assertThat(
              a.platformAdmin()
                  .get("/api/v1/admin/workspaces/" + a.workspaceId + "/applications/" + id)
                  .status())
          .isEqualTo(200);
    }
  }

  // Case 4 (and the denied-access record of case 1).
  @Test
  void aWorkspaceScopedKeyFindsNothingOfAnotherWorkspaceAndTheAttemptIsAudited() throws Exception {
    Tenant.SignedIn bob = b.newUserSignedIn();
    put(bob.token(), "{\"secret\":\"of bob\"}");
    ApiClient scopedToA = api().bearer(a.workspaceApiKey("workspace-admin"));
    String bPath = "/api/v1/admin/workspaces/" + b.workspaceId;
    List<Reply> attempts =
        List.of(
            scopedToA.get(bPath),
            scopedToA.get(bPath + "/sessions"),
            scopedToA.get(bPath + "/sessions/" + bob.sessionId() + "/payload?reason=curious"),
            scopedToA.postJson(bPath + "/sessions/" + bob.sessionId() + "/revoke", "{}"),
            scopedToA.get(bPath + "/users/" + bob.userId()),
            scopedToA.get(bPath + "/applications"),
            scopedToA.get(bPath + "/keys"));
    for (Reply attempt : attempts) {
      assertThat(attempt.status()).as(attempt.body()).isEqualTo(404);
      assertThat(attempt.contentType()).startsWith("application/problem+json");
      assertThat(attempt.body()).doesNotContain("of bob").doesNotContain(bob.sessionId());
    }
    String aPath = "/api/v1/admin/workspaces/" + a.workspaceId;
    assertThat(scopedToA.get(aPath + "/sessions/" + bob.sessionId() + "/payload?reason=x").status())
        .isEqualTo(404);
    assertThat(scopedToA.postJson(aPath + "/sessions/" + bob.sessionId() + "/revoke", "").status())
        .isEqualTo(404);
    assertThat(api().bearer(bob.token()).get("/api/v1/session/payload").status()).isEqualTo(200);
    assertThat(
            auditCount(
                a.workspaceId,
                "access.denied",
                "outcome = 'DENIED' and target = 'workspace:" + b.workspaceId + "'"))
        .isEqualTo(attempts.size());
  }

  // Case 5: ciphertext moved between workspaces does not decrypt, and nothing is returned.
  @Test
  void ciphertextCopiedFromAnotherWorkspaceFailsCleanlyAndIsAudited() throws Exception {
    Tenant.SignedIn alice = a.newUserSignedIn();
    Tenant.SignedIn bob = b.newUserSignedIn();
    put(alice.token(), "{\"owner\":\"alice\"}");
    put(bob.token(), "{\"owner\":\"bob\"}");
    try (Connection c = TestDatabase.asSuperuser();
        PreparedStatement copy =
            c.prepareStatement(
                "update session_payload t set nonce = s.nonce, wrapped_data_key = s.wrapped_data_key, "
                    + "ciphertext = s.ciphertext from session_payload s "
                    + "where s.session_id = ?::uuid and t.session_id = ?::uuid")) {
      copy.setString(1, bob.sessionId());
      copy.setString(2, alice.sessionId());
      assertThat(copy.executeUpdate()).isEqualTo(1);
    }
    Reply read = api().bearer(alice.token()).get("/api/v1/session/payload");
    assertThat(read.status()).isEqualTo(500);
    assertThat(read.contentType()).startsWith("application/problem+json");
    assertThat(read.body()).doesNotContain("bob").doesNotContain("alice").doesNotContain("at io.");
    assertThat(
            auditCount(
                a.workspaceId,
                "payload.decryption_failed",
                "session_id = '" + alice.sessionId() + "'::uuid"))
        .isEqualTo(1);
  }

  // Case 14: nothing refused changes the stored payload or its version.
  @Test
  void refusedPayloadsChangeNothingAndLeakNothing() {
    Tenant.SignedIn alice = a.newUserSignedIn();
    Reply stored = put(alice.token(), "{\"keep\":1}");
    String etag = stored.header("ETag").orElseThrow();
    int limit = 65_536;
    String padding = "x".repeat(limit - "{\"x\":\"\"}".length());
    assertThat(put(alice.token(), "{\"x\":\"" + padding + "\"}").status()).isEqualTo(200);
    String etagAtLimit =
        api().bearer(alice.token()).get("/api/v1/session/payload").header("ETag").orElseThrow();
    assertThat(etagAtLimit).isNotEqualTo(etag);
    List<Reply> refused = new ArrayList<>();
    refused.add(put(alice.token(), "{\"x\":\"" + padding + "y\"}"));
    refused.add(put(alice.token(), "[".repeat(100) + "]".repeat(100)));
    refused.add(put(alice.token(), "{\"unterminated\":"));
    refused.add(put(alice.token(), "plain words"));
    refused.add(
        api()
            .bearer(alice.token())
            .send(
                "PUT",
                "/api/v1/session/payload",
                BodyPublishers.ofByteArray(new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'}),
                "Content-Type",
                "application/json"));
    refused.add(
        api()
            .bearer(alice.token())
            .send(
                "PUT",
                "/api/v1/session/payload",
                ofString("{\"a\":1}"),
                "Content-Type",
                "application/xml"));
    assertThat(refused).extracting(Reply::status).containsExactly(413, 400, 400, 400, 400, 415);
    for (Reply reply : refused) {
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(reply.body())
          .doesNotContain("Exception")
          .doesNotContain("at io.")
          .doesNotContain("at org.");
    }
    Reply after = api().bearer(alice.token()).get("/api/v1/session/payload");
    assertThat(after.header("ETag")).hasValue(etagAtLimit);
    assertThat(after.body()).hasSize(limit);
  }

  // Case 15: filter, sort and cursor values never become SQL.
  @Test
  void sqlMetacharactersInSearchParametersAreRefusedWithoutLeakingAnything() {
    a.newUserSignedIn();
    b.newUserSignedIn();
    ApiClient admin = a.platformAdmin();
    String sessions = "/api/v1/admin/workspaces/" + a.workspaceId + "/sessions?";
    for (String query :
        List.of(
            "userId=" + encode("' or '1'='1"),
            "applicationId=" + encode("00000000-0000-0000-0000-000000000000' or 1=1--"),
            "state=" + encode("active' or '1'='1"),
            "sort=" + encode("createdAt; drop table user_session"),
            "sort=" + encode("(select 1)"),
            "sort=workspace_id",
            "limit=" + encode("1 or 1=1"),
            "limit=100000",
            "cursor=" + encode("' union select * from session_payload--"))) {
      Reply reply = admin.get(sessions + query);
      assertThat(reply.status()).as(query).isEqualTo(400);
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(reply.body())
          .as(query)
          .doesNotContainIgnoringCase("sql")
          .doesNotContain("postgres")
          .doesNotContain("Exception");
    }
    Reply users =
        admin.get(
            "/api/v1/admin/workspaces/" + a.workspaceId + "/users?email=" + encode("%' or 1=1--"));
    assertThat(users.status()).isIn(200, 400);
    if (users.status() == 200) {
      assertThat(users.items()).isEmpty();
    }
    Reply all = admin.get(sessions + "limit=500");
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.items()).hasSize(1);
  }

  @Test
  void operatorsSearchPageAndRevokeSessionsOfOneWorkspace() {
    Tenant.SignedIn first = a.newUserSignedIn();
    Tenant.SignedIn second = a.newUserSignedIn();
    Tenant.SignedIn third = a.newUserSignedIn();
    b.newUserSignedIn();
    ApiClient admin = api().bearer(a.workspaceApiKey("workspace-admin"));
    String sessions = "/api/v1/admin/workspaces/" + a.workspaceId + "/sessions";

    Reply page1 = admin.get(sessions + "?sort=createdAt&limit=2");
    assertThat(page1.status()).as(page1.body()).isEqualTo(200);
    assertThat(page1.items()).hasSize(2);
    String next = page1.json().getString("next");
    Reply page2 = admin.get(sessions + "?sort=createdAt&limit=2&cursor=" + next);
    assertThat(page2.items()).hasSize(1);
    assertThat(page2.json().isNull("next")).isTrue();
    List<String> ids = new ArrayList<>();
    page1.items().forEach(i -> ids.add(i.asJsonObject().getString("id")));
    page2.items().forEach(i -> ids.add(i.asJsonObject().getString("id")));
    assertThat(ids).containsExactly(first.sessionId(), second.sessionId(), third.sessionId());
    assertThat(
            admin.get(sessions + "?sort=-createdAt").items().stream()
                .map(i -> i.asJsonObject().getString("id"))
                .toList())
        .containsExactly(third.sessionId(), second.sessionId(), first.sessionId());
    assertThat(admin.get(sessions + "?sort=-createdAt&limit=1&cursor=" + next).status())
        .isEqualTo(400);

    JsonObject byUser = admin.get(sessions + "?userId=" + second.userId()).items().getJsonObject(0);
    assertThat(byUser.getString("id")).isEqualTo(second.sessionId());
    assertThat(byUser.getString("state")).isEqualTo("active");
    assertThat(admin.get(sessions + "?applicationId=" + a.applicationId).items()).hasSize(3);
    assertThat(admin.get(sessions + "?applicationId=" + b.applicationId).items()).isEmpty();

    assertThat(admin.postJson(sessions + "/" + first.sessionId() + "/revoke", "").status())
        .isEqualTo(204);
    Reply revokedAll = admin.postJson(sessions + "/revoke?userId=" + second.userId(), "");
    assertThat(revokedAll.status()).as(revokedAll.body()).isEqualTo(200);
    assertThat(revokedAll.json().getInt("revoked")).isEqualTo(1);
    assertThat(api().bearer(first.token()).get("/api/v1/session").status()).isEqualTo(410);
    assertThat(api().bearer(second.token()).get("/api/v1/session").status()).isEqualTo(410);
    assertThat(api().bearer(third.token()).get("/api/v1/session").status()).isEqualTo(200);
    assertThat(
            admin.get(sessions + "?state=signed-out").items().stream()
                .map(i -> i.asJsonObject().getString("id"))
                .toList())
        .containsExactlyInAnyOrder(first.sessionId(), second.sessionId());
    assertThat(admin.get(sessions + "?state=active").items()).hasSize(1);
    assertThat(admin.get(sessions + "?state=expired").items()).isEmpty();
  }

  // Case 17, and the reason an admin payload read requires.
  @Test
  void anAdminPayloadReadNeedsAReasonIsAuditedAndFailsClosedWhenTheAuditCannotBeWritten()
      throws Exception {
    Tenant.SignedIn alice = a.newUserSignedIn();
    put(alice.token(), "{\"note\":\"private\"}");
    String key = a.workspaceApiKey("workspace-admin");
    ApiClient admin = api().bearer(key);
    String payload =
        "/api/v1/admin/workspaces/" + a.workspaceId + "/sessions/" + alice.sessionId() + "/payload";

    for (String missing : List.of("", "?reason=", "?reason=%20%20")) {
      Reply refused = admin.get(payload + missing);
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body()).doesNotContain("private");
    }
    assertThat(api().bearer(a.workspaceApiKey("auditor")).get(payload + "?reason=x").status())
        .isEqualTo(403);

    Reply read = admin.get(payload + "?reason=" + encode("support ticket 42\r\nforged: line"));
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body()).isEqualTo("{\"note\":\"private\"}");
    assertThat(read.header("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    assertThat(
            auditCount(
                a.workspaceId,
                "session.payload_read",
                "session_id = '"
                    + alice.sessionId()
                    + "'::uuid and actor_type = 'API_KEY' and reason = 'support ticket 42forged: line'"))
        .isEqualTo(1);
    assertThat(
            TestDatabase.count(
                "select count(*) from audit_event where actor_id = ? and action = 'session.payload_read'",
                keyId(key)))
        .isEqualTo(1);

    try (Connection c = TestDatabase.asSuperuser();
        Statement s = c.createStatement()) {
      s.execute("REVOKE INSERT ON audit_event FROM " + EmbeddedDatabase.RUNTIME);
      try {
        Reply failed = admin.get(payload + "?reason=audit%20is%20down");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.body()).doesNotContain("private");
      } finally {
        s.execute("GRANT INSERT ON audit_event TO " + EmbeddedDatabase.RUNTIME);
      }
    }
    assertThat(auditCount(a.workspaceId, "session.payload_read", "reason = 'audit is down'"))
        .isZero();
  }

  private static String keyId(String key) throws SQLException {
    try (Connection c = TestDatabase.asSuperuser();
        PreparedStatement p =
            c.prepareStatement(
                "select id::text from api_key where key_hash = sha256(convert_to(?, 'UTF8'))")) {
      p.setString(1, key);
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return r.getString(1);
      }
    }
  }

  @Test
  void fiftyConcurrentConditionalWritersOneWinsPerVersionAndNoneCorruptsThePayload()
      throws Exception {
    Tenant.SignedIn alice = a.newUserSignedIn();
    String etag = put(alice.token(), "{\"round\":0}").header("ETag").orElseThrow();
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      for (int round = 1; round <= 3; round++) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> writers = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int w = 0; w < 50; w++) {
          String body = "{\"round\":" + round + ",\"writer\":" + w + "}";
          bodies.add(body);
          String expected = etag;
          Callable<Reply> write =
              () -> {
                start.await();
                return put(alice.token(), body, "If-Match", expected);
              };
          writers.add(pool.submit(write));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        String winner = null;
        for (int w = 0; w < 50; w++) {
          Reply reply = writers.get(w).get();
          statuses.add(reply.status());
          if (reply.status() == 200) {
            winner = bodies.get(w);
            etag = reply.header("ETag").orElseThrow();
          }
        }
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 412).hasSize(49);
        Reply stored = api().bearer(alice.token()).get("/api/v1/session/payload");
        assertThat(stored.body()).isEqualTo(winner);
        assertThat(stored.header("ETag")).hasValue(etag);
      }

      CountDownLatch start = new CountDownLatch(1);
      Set<String> bodies = new HashSet<>();
      List<Future<Reply>> blind = new ArrayList<>();
      for (int w = 0; w < 20; w++) {
        String body = "{\"blind\":" + w + ",\"filler\":\"" + "z".repeat(4_000) + "\"}";
        bodies.add(body);
        blind.add(
            pool.submit(
                () -> {
                  start.await();
                  return put(alice.token(), body);
                }));
      }
      start.countDown();
      for (Future<Reply> write : blind) {
        assertThat(write.get().status()).isEqualTo(200);
      }
      Reply last = api().bearer(alice.token()).get("/api/v1/session/payload");
      assertThat(bodies).contains(last.body());
      assertThat(last.header("ETag")).hasValue("\"24\"");
    } finally {
      pool.shutdownNow();
    }
  }

  // The acceptance check "connected as the runtime role with psql", over JDBC.
  @Test
  void theRuntimeRoleSeesNoRowsWithoutAWorkspaceAndOnlyThatWorkspacesRowsWithOne()
      throws Exception {
    Tenant.SignedIn alice = a.newUserSignedIn();
    Tenant.SignedIn bob = b.newUserSignedIn();
    put(alice.token(), "{\"a\":1}");
    put(bob.token(), "{\"b\":1}");
    // Rows that are due for clean-up must stay as hidden as any other without the sweeper's
    // setting.
    try (Connection c = TestDatabase.asSuperuser();
        PreparedStatement expire =
            c.prepareStatement(
                "update user_session set expires_at = now() - interval '2 days', "
                    + "purge_after = now() - interval '1 day' where id = ?::uuid")) {
      expire.setString(1, bob.sessionId());
      assertThat(expire.executeUpdate()).isEqualTo(1);
    }
    long allPayloads = TestDatabase.count("select count(*) from session_payload");
    long allSessions = TestDatabase.count("select count(*) from user_session");
    assertThat(allPayloads).isGreaterThanOrEqualTo(2);
    try (Connection runtime = TestDatabase.asRuntime();
        Statement s = runtime.createStatement()) {
      for (String table : ISOLATED_TABLES) {
        assertThat(single(s, "select count(*) from " + table + " where workspace_id is not null"))
            .as(table + " without a workspace setting")
            .isZero();
      }
      runtime.setAutoCommit(false);
      s.execute("select set_config('sf.workspace_id', '" + a.workspaceId + "', true)");
      assertThat(single(s, "select count(*) from session_payload")).isEqualTo(1);
      assertThat(single(s, "select count(*) from user_session")).isEqualTo(1);
      assertThat(
              single(
                  s,
                  "select count(*) from user_session where workspace_id <> '"
                      + a.workspaceId
                      + "'"))
          .isZero();
      assertThat(
              single(
                  s,
                  "select count(*) from session_payload where session_id = '"
                      + bob.sessionId()
                      + "'"))
          .isZero();
      runtime.commit();
      assertThat(single(s, "select count(*) from session_payload")).isZero();
      runtime.setAutoCommit(true);
      assertThat(allSessions).isGreaterThanOrEqualTo(2);
    }
    try (Connection c = TestDatabase.asSuperuser();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "select c.relname, c.relrowsecurity, c.relforcerowsecurity, "
                    + "pg_get_userbyid(c.relowner) from pg_class c "
                    + "where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'")) {
      Set<String> isolated = new HashSet<>();
      while (r.next()) {
        if (r.getBoolean(2) && r.getBoolean(3)) {
          isolated.add(r.getString(1));
        }
        assertThat(r.getString(4)).isNotEqualTo(EmbeddedDatabase.RUNTIME);
      }
      assertThat(isolated).containsAll(ISOLATED_TABLES);
      assertThat(
              single(
                  s,
                  "select count(*) from pg_roles where rolname = '"
                      + EmbeddedDatabase.RUNTIME
                      + "' and (rolbypassrls or rolsuper)"))
          .isZero();
    }
  }

  private static long single(Statement statement, String sql) throws SQLException {
    try (ResultSet r = statement.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  // The platform, not each resource, confines a call: one that forgets sees nothing.
  @Test
  void aResourceThatEntersNoWorkspaceSeesNoRowsEvenWithRealIds() {
    Tenant.SignedIn alice = a.newUserSignedIn();
    put(alice.token(), "{\"hidden\":true}");
    String probe = "/api/v1/test/payloads/" + a.workspaceId + "/" + alice.sessionId();
    assertThat(api().get(probe).status()).isEqualTo(200);
    assertThat(api().get(probe + "/unscoped").status()).isEqualTo(204);
  }

  @Test
  void everyApiCallLandsInTheAccessLogWithItsRouteAndSessionButNoQueryString() throws Exception {
    Tenant.SignedIn alice = a.newUserSignedIn();
    put(alice.token(), "{\"a\":1}");
    api().bearer(alice.token()).get("/api/v1/session/payload?secret=do-not-log");
    long deadline = System.currentTimeMillis() + 10_000;
    long rows = 0;
    while (rows == 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
      rows =
          TestDatabase.count(
              "select count(*) from access_log where session_id = ?::uuid and method = 'GET' "
                  + "and route = '/v1/session/payload' and status = 200 and workspace_id = ?::uuid "
                  + "and actor_type = 'USER' and actor_id = ?",
              alice.sessionId(),
              a.workspaceId,
              alice.userId());
    }
    assertThat(rows).isEqualTo(1);
    assertThat(TestDatabase.count("select count(*) from access_log where route like '%secret%'"))
        .isZero();
    assertThat(
            TestDatabase.count(
                "select count(*) from access_log where session_id = ?::uuid and method = 'PUT' "
                    + "and route = '/v1/session/payload' and status = 200",
                alice.sessionId()))
        .isEqualTo(1);
  }
}
