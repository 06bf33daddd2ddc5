package io.secureflows.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureflows.testsupport.ApiClient;
import io.secureflows.testsupport.Deployments;
import io.secureflows.testsupport.IntegrationTest;
import io.secureflows.testsupport.Reply;
import io.secureflows.testsupport.TestDatabase;
import io.secureflows.testsupport.TestEnvironment;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HexFormat;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Workspace-level encryption end to end: what reaches PostgreSQL (and so every backup) is
 * ciphertext; ciphertext moved between rows does not decrypt; reads never write; rotation, rewrap,
 * retirement and crypto-shredding through the admin API. Payloads are written through the test-only
 * probe until the session API exists.
 */
@IntegrationTest
class WorkspaceEncryptionIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.secureFlowsWithProbes();
  }

  @ArquillianResource URL deployment;

  private ApiClient api() {
    return ApiClient.forDeployment(deployment);
  }

  private ApiClient admin() {
    return api().bearer(TestEnvironment.PLATFORM_API_KEY);
  }

  private String workspace() {
    Reply created =
        admin()
            .postJson("/api/v1/admin/workspaces", "{\"name\":\"enc-" + UUID.randomUUID() + "\"}");
    assertThat(created.status()).isEqualTo(201);
    return created.json().getString("id");
  }

  private Reply store(String workspace, UUID session, String content) {
    return api()
        .send(
            "PUT",
            "/api/v1/test/payloads/" + workspace + "/" + session,
            BodyPublishers.ofString(content),
            "Content-Type",
            "application/json");
  }

  private Reply read(String workspace, UUID session) {
    return api().get("/api/v1/test/payloads/" + workspace + "/" + session);
  }

  private JsonObject keyVersion(String workspace, int version) {
    return admin().get("/api/v1/admin/workspaces/" + workspace + "/keys").items().stream()
        .map(v -> v.asJsonObject())
        .filter(v -> v.getInt("version") == version)
        .findFirst()
        .orElseThrow();
  }

  /**
   * SECURITY-TESTS case 21 through the server: 10,000 payloads stored under one workspace key
   * version (through the entity listener and the real cipher) never share a content nonce, and no
   * two data-key wraps share a nonce or a wrapped key.
   */
  @Test
  void tenThousandPayloadsUnderOneKeyVersionNeverRepeatANonce() throws Exception {
    String workspace = workspace();
    Reply seeded =
        api()
            .withTimeout(java.time.Duration.ofMinutes(2))
            .postJson("/api/v1/test/payloads/" + workspace + "/seed?count=10000&bytes=64", "");
    assertThat(seeded.status()).as(seeded.toString()).isEqualTo(200);
    String distinct =
        "select count(*) - count(distinct %s) from session_payload "
            + "where workspace_id = ?::uuid and key_version = 1";
    assertThat(
            TestDatabase.count(
                "select count(*) from session_payload where workspace_id = ?::uuid", workspace))
        .isEqualTo(10_000);
    assertThat(TestDatabase.count(distinct.formatted("nonce"), workspace))
        .as("content nonces used twice")
        .isZero();
    assertThat(
            TestDatabase.count(
                distinct.formatted("substring(wrapped_data_key from 1 for 12)"), workspace))
        .as("data-key wrap nonces used twice")
        .isZero();
    assertThat(TestDatabase.count(distinct.formatted("wrapped_data_key"), workspace))
        .as("wrapped data keys seen twice")
        .isZero();
  }

  @Test
  void newWorkspaceGetsActiveKeyVersionOne() {
    String workspace = workspace();
    JsonObject first = keyVersion(workspace, 1);
    assertThat(first.getString("state")).isEqualTo("active");
    assertThat(first.getJsonNumber("payloads").longValue()).isZero();
  }

  @Test
  void backupHoldsNoPlaintextAndReadsReturnItByteForByte() throws Exception {
    String workspace = workspace();
    UUID session = UUID.randomUUID();
    String marker = "MARKER-" + UUID.randomUUID();
    String content =
        "{\"marker\":\""
            + marker
            + "\",\"note\":\""
            + "plaintext-that-must-never-reach-disk ".repeat(40)
            + "\",\"ü\":\"ß€\"}";
    assertThat(store(workspace, session, content).status()).isEqualTo(200);

    Reply back = read(workspace, session);
    assertThat(back.status()).isEqualTo(200);
    assertThat(back.body()).isEqualTo(content);

    assertThat(TestDatabase.dataFilesContain(marker.getBytes(StandardCharsets.UTF_8)))
        .as("marker in PostgreSQL's files on disk")
        .isFalse();
    String workspaceName =
        admin().get("/api/v1/admin/workspaces/" + workspace).json().getString("name");
    assertThat(TestDatabase.dataFilesContain(workspaceName.getBytes(StandardCharsets.UTF_8)))
        .as("the scan finds what is stored in clear, such as the workspace name")
        .isTrue();
    String dump = TestDatabase.dump();
    assertThat(dump)
        .contains("-- session_payload")
        .contains(session.toString())
        .doesNotContain(marker);
    byte[] plaintext = content.getBytes(StandardCharsets.UTF_8);
    String lowerDump = dump.toLowerCase(java.util.Locale.ROOT);
    for (int i = 0; i + 16 <= plaintext.length; i++) {
      String run = new String(plaintext, i, 16, StandardCharsets.ISO_8859_1);
      String runHex = HexFormat.of().formatHex(plaintext, i, i + 16);
      assertThat(dump).as("16-byte run at %d in clear", i).doesNotContain(run);
      assertThat(lowerDump).as("16-byte run at %d as bytea hex", i).doesNotContain(runHex);
    }
  }

  @Test
  void replacingAPayloadEncryptsTheNewContentUnderTheNextVersion() throws Exception {
    String workspace = workspace();
    UUID session = UUID.randomUUID();
    assertThat(store(workspace, session, "{\"v\":1}").body()).isEqualTo("1");
    long firstCiphertext =
        TestDatabase.count(
            "select length(ciphertext) from session_payload where session_id = ?", session);
    assertThat(store(workspace, session, "{\"v\":\"second, longer\"}").body()).isEqualTo("2");
    assertThat(read(workspace, session).body()).isEqualTo("{\"v\":\"second, longer\"}");
    assertThat(
            TestDatabase.count(
                "select payload_version from session_payload where session_id = ?", session))
        .isEqualTo(2);
    assertThat(
            TestDatabase.count(
                "select length(ciphertext) from session_payload where session_id = ?", session))
        .isGreaterThan(firstCiphertext);
  }

  @Test
  void readsDoNotWrite() throws Exception {
    String workspace = workspace();
    UUID session = UUID.randomUUID();
    store(workspace, session, "{\"a\":1}");
    String xmin = "select xmin::text::bigint from session_payload where session_id = ?";
    long before = TestDatabase.count(xmin, session);
    for (int i = 0; i < 3; i++) {
      assertThat(read(workspace, session).status()).isEqualTo(200);
    }
    assertThat(TestDatabase.count(xmin, session)).isEqualTo(before);
  }

  @Test
  void ciphertextCopiedToAnotherRowOrWorkspaceFailsToDecryptAndReturnsNothing() throws Exception {
    String workspace = workspace();
    String otherWorkspace = workspace();
    UUID source = UUID.randomUUID();
    UUID sameWorkspaceTarget = UUID.randomUUID();
    UUID otherWorkspaceTarget = UUID.randomUUID();
    String secret = "SECRET-" + UUID.randomUUID();
    store(workspace, source, "{\"s\":\"" + secret + "\"}");
    store(workspace, sameWorkspaceTarget, "{\"s\":\"mine\"}");
    store(otherWorkspace, otherWorkspaceTarget, "{\"s\":\"theirs\"}");

    copyEnvelope(source, sameWorkspaceTarget);
    copyEnvelope(source, otherWorkspaceTarget);

    for (Reply reply :
        new Reply[] {
          read(workspace, sameWorkspaceTarget), read(otherWorkspace, otherWorkspaceTarget)
        }) {
      assertThat(reply.status()).isEqualTo(500);
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(reply.body())
          .doesNotContain(secret)
          .doesNotContain("mine")
          .doesNotContain("theirs");
    }
    assertThat(read(workspace, source).body()).contains(secret);
  }

  private static void copyEnvelope(UUID from, UUID to) throws Exception {
    try (Connection owner = TestDatabase.asSuperuser();
        PreparedStatement copy =
            owner.prepareStatement(
                "update session_payload t set nonce = s.nonce, wrapped_data_key = s.wrapped_data_key, "
                    + "ciphertext = s.ciphertext, key_version = s.key_version "
                    + "from session_payload s where s.session_id = ? and t.session_id = ?")) {
      copy.setObject(1, from);
      copy.setObject(2, to);
      assertThat(copy.executeUpdate()).isEqualTo(1);
    }
  }

  @Test
  void rotationKeepsOldDataReadableRewrapMovesEverythingAndOnlyThenRetires() throws Exception {
    String workspace = workspace();
    UUID before = UUID.randomUUID();
    UUID after = UUID.randomUUID();
    store(workspace, before, "{\"written\":\"before rotation\"}");
    String keyVersionOf = "select key_version from session_payload where session_id = ?";

    // The rewrap timer (every 5 s) skips locked rows: holding this one keeps it on version 1 until
    // the early retire has been refused, whenever the timer fires.
    try (Connection holder = TestDatabase.asSuperuser()) {
      holder.setAutoCommit(false);
      try (PreparedStatement lock =
          holder.prepareStatement(
              "select 1 from session_payload where session_id = ? for update")) {
        lock.setObject(1, before);
        lock.executeQuery().close();
      }
      Reply rotated =
          admin().postJson("/api/v1/admin/workspaces/" + workspace + "/keys/rotate", "");
      assertThat(rotated.status()).isEqualTo(200);
      assertThat(keyVersion(workspace, 1).getString("state")).isEqualTo("decrypt-only");
      assertThat(keyVersion(workspace, 2).getString("state")).isEqualTo("active");

      store(workspace, after, "{\"written\":\"after rotation\"}");
      assertThat(TestDatabase.count(keyVersionOf, before)).isEqualTo(1);
      assertThat(TestDatabase.count(keyVersionOf, after)).isEqualTo(2);
      assertThat(read(workspace, before).body()).isEqualTo("{\"written\":\"before rotation\"}");
      assertThat(read(workspace, after).body()).isEqualTo("{\"written\":\"after rotation\"}");

      Reply early =
          admin().postJson("/api/v1/admin/workspaces/" + workspace + "/keys/1/retire", "");
      assertThat(early.status()).as("retire while a payload is on version 1").isEqualTo(409);
      assertThat(keyVersion(workspace, 1).getString("state")).isEqualTo("decrypt-only");
      holder.commit();
    }

    long ciphertextBefore =
        TestDatabase.count(
            "select length(ciphertext) from session_payload where session_id = ?", before);
    Reply rewrap = api().postJson("/api/v1/test/payloads/rewrap", "");
    assertThat(rewrap.status()).isEqualTo(200);
    assertThat(TestDatabase.count(keyVersionOf, before)).isEqualTo(2);
    assertThat(keyVersion(workspace, 1).getJsonNumber("payloads").longValue()).isZero();
    assertThat(
            TestDatabase.count(
                "select length(ciphertext) from session_payload where session_id = ?", before))
        .isEqualTo(ciphertextBefore);

    Reply retired =
        admin().postJson("/api/v1/admin/workspaces/" + workspace + "/keys/1/retire", "");
    assertThat(retired.status()).isEqualTo(200);
    assertThat(keyVersion(workspace, 1).getString("state")).isEqualTo("retired");
    assertThat(read(workspace, before).body()).isEqualTo("{\"written\":\"before rotation\"}");
    Reply activeCannotRetire =
        admin().postJson("/api/v1/admin/workspaces/" + workspace + "/keys/2/retire", "");
    assertThat(activeCannotRetire.status()).isEqualTo(409);
  }

  @Test
  void destroyedKeysMakeDataUnreadableAndNeedConfirmation() throws Exception {
    String workspace = workspace();
    UUID session = UUID.randomUUID();
    store(workspace, session, "{\"doomed\":true}");

    Reply unconfirmed =
        admin()
            .postJson(
                "/api/v1/admin/workspaces/" + workspace + "/keys/destroy", "{\"confirm\":\"yes\"}");
    assertThat(unconfirmed.status()).isEqualTo(400);
    assertThat(read(workspace, session).status()).isEqualTo(200);

    Reply destroyed =
        admin()
            .postJson(
                "/api/v1/admin/workspaces/" + workspace + "/keys/destroy",
                "{\"confirm\":\"" + workspace + "\"}");
    assertThat(destroyed.status()).isEqualTo(200);
    assertThat(keyVersion(workspace, 1).getString("state")).isEqualTo("destroyed");
    assertThat(
            TestDatabase.count(
                "select count(*) from workspace_key where workspace_id = ?::uuid and wrapped_key is not null",
                workspace))
        .isZero();

    Reply unreadable = read(workspace, session);
    assertThat(unreadable.status()).isEqualTo(409);
    assertThat(unreadable.json().getString("type")).endsWith("/keys-destroyed");
    assertThat(unreadable.body()).doesNotContain("doomed");
    assertThat(store(workspace, UUID.randomUUID(), "{\"new\":1}").status()).isEqualTo(409);
  }

  @Test
  void keysOfAnotherWorkspaceAnswer404ToAWorkspaceScopedKey() {
    String mine = workspace();
    String theirs = workspace();
    String key =
        admin()
            .postJson(
                "/api/v1/admin/workspaces/" + mine + "/api-keys",
                "{\"name\":\"k\",\"role\":\"workspace-admin\"}")
            .json()
            .getString("key");
    ApiClient scoped = api().bearer(key);
    assertThat(scoped.get("/api/v1/admin/workspaces/" + mine + "/keys").status()).isEqualTo(200);
    assertThat(scoped.get("/api/v1/admin/workspaces/" + theirs + "/keys").status()).isEqualTo(404);
    assertThat(scoped.postJson("/api/v1/admin/workspaces/" + theirs + "/keys/rotate", "").status())
        .isEqualTo(404);
    assertThat(keyVersion(theirs, 1).getString("state")).isEqualTo("active");
  }
}
