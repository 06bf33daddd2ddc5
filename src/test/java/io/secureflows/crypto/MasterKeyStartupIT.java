package io.secureflows.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureflows.crypto.domain.WorkspaceKey;
import io.secureflows.crypto.infra.AesMasterKey;
import io.secureflows.launcher.EmbeddedDatabase;
import io.secureflows.launcher.MasterKeystore;
import io.secureflows.testsupport.LaunchedNode;
import io.secureflows.testsupport.TestDatabase;
import io.secureflows.testsupport.TestEnvironment;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one-command run against a database whose workspace keys were wrapped by another master key,
 * or with no master key at all: the launcher reports why, stops the server, exits non-zero, and
 * nothing in the database changes (not even a migration). Runs the real launcher and Payara Micro,
 * not Arquillian.
 */
class MasterKeyStartupIT {
  private static final Path ROOT = Path.of("target/it-data/refusal").toAbsolutePath();

  @BeforeAll
  static void databaseHoldsAKeyWrappedByTheRealMasterKey() throws Exception {
    TestDatabase.migrate();
    TestEnvironment.Environment environment = TestEnvironment.get();
    KeyStore store = KeyStore.getInstance("PKCS12");
    char[] password = environment.secrets().getOrCreate("master-keystore.password").toCharArray();
    try (InputStream in = Files.newInputStream(environment.masterKeystore())) {
      store.load(in, password);
    }
    AesMasterKey master =
        new AesMasterKey(store.getKey(MasterKeystore.ALIAS, password).getEncoded());
    UUID workspace = UUID.randomUUID();
    try (Connection owner = TestDatabase.asSuperuser()) {
      insertWorkspaceKey(
          owner,
          workspace,
          master.wrap(new byte[32], WorkspaceKey.wrapContext(workspace, 1)),
          master.id());
    }
  }

  @Test
  void wrongMasterKeyRefusesToStartAndChangesNothing() throws Exception {
    String snapshot = snapshot();
    byte[] otherKey = new byte[32];
    new java.security.SecureRandom().nextBytes(otherKey);
    Launch launch =
        launch(
            "wrong",
            Map.of(
                "SF_MASTER_KEY_PROVIDER",
                "env",
                "SF_MASTER_KEY",
                Base64.getEncoder().encodeToString(otherKey)));
    assertThat(launch.exitCode()).as(launch.output()).isEqualTo(3);
    assertThat(launch.output()).contains("secureFlows refuses to start").contains("master key");
    assertThat(snapshot()).isEqualTo(snapshot);
  }

  @Test
  void missingMasterKeyRefusesToStartAndChangesNothing() throws Exception {
    String snapshot = snapshot();
    Launch launch = launch("missing", Map.of("SF_MASTER_KEY_PROVIDER", "env"));
    assertThat(launch.exitCode()).as(launch.output()).isEqualTo(3);
    assertThat(launch.output())
        .contains("secureFlows refuses to start")
        .contains("SF_MASTER_KEY is not set");
    assertThat(snapshot()).isEqualTo(snapshot);
  }

  @Test
  void rotatedMasterKeyRewrapsEveryWorkspaceKeyAtStart() throws Exception {
    String url = separateDatabase("secureflows_rotation");
    SecureRandom random = new SecureRandom();
    byte[] oldKey = new byte[32];
    byte[] newKey = new byte[32];
    random.nextBytes(oldKey);
    random.nextBytes(newKey);
    AesMasterKey oldMaster = new AesMasterKey(oldKey);
    AesMasterKey newMaster = new AesMasterKey(newKey);
    byte[] workspaceKey = new byte[32];
    random.nextBytes(workspaceKey);
    UUID workspace = UUID.randomUUID();
    try (Connection owner = TestDatabase.connect(url, EmbeddedDatabase.OWNER)) {
      insertWorkspaceKey(
          owner,
          workspace,
          oldMaster.wrap(workspaceKey, WorkspaceKey.wrapContext(workspace, 1)),
          oldMaster.id());
      insertSigningKey(owner, TokenSigning.generate(oldMaster));
    }
    Path keystore = ROOT.resolve("rotation-master.p12");
    Files.createDirectories(ROOT);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    KeyStore.PasswordProtection protection =
        new KeyStore.PasswordProtection("rotation-pw".toCharArray());
    store.setEntry(
        "old", new KeyStore.SecretKeyEntry(new SecretKeySpec(oldKey, "AES")), protection);
    store.setEntry(
        "new", new KeyStore.SecretKeyEntry(new SecretKeySpec(newKey, "AES")), protection);
    try (OutputStream out = Files.newOutputStream(keystore)) {
      store.store(out, "rotation-pw".toCharArray());
    }

    Launch launch =
        launch(
            "rotation",
            Map.of(
                "SF_MASTER_KEY_KEYSTORE", keystore.toString(),
                "SF_MASTER_KEY_KEYSTORE_PASSWORD", "rotation-pw",
                "SF_MASTER_KEY_ALIAS", "new",
                "SF_MASTER_KEY_PREVIOUS_ALIASES", "old"),
            url,
            true);
    assertThat(launch.output()).contains("secureFlows is ready");

    try (Connection owner = TestDatabase.connect(url, EmbeddedDatabase.OWNER);
        PreparedStatement keys =
            owner.prepareStatement(
                "select master_key_id, wrapped_key from workspace_key where workspace_id = ?")) {
      keys.setObject(1, workspace);
      try (ResultSet row = keys.executeQuery()) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString(1)).isEqualTo(newMaster.id());
        assertThat(newMaster.unwrap(row.getBytes(2), WorkspaceKey.wrapContext(workspace, 1)))
            .isEqualTo(workspaceKey);
      }
    }
    try (Connection owner = TestDatabase.connect(url, EmbeddedDatabase.OWNER);
        Statement query = owner.createStatement();
        ResultSet keys =
            query.executeQuery("select kid, wrapped_private_key, master_key_id from signing_key")) {
      int count = 0;
      while (keys.next()) {
        count++;
        assertThat(keys.getString(3)).isEqualTo(newMaster.id());
        TokenSigning.checkUnwraps(newMaster, keys.getString(1), keys.getBytes(2));
      }
      assertThat(count).as("the old signing key, rewrapped; no second one created").isEqualTo(1);
    }
  }

  private static String separateDatabase(String name) throws Exception {
    try (Connection superuser = TestEnvironment.get().database().superuserConnection();
        Statement statement = superuser.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
      statement.execute("CREATE DATABASE " + name + " OWNER " + EmbeddedDatabase.OWNER);
    }
    String url =
        TestDatabase.jdbcUrl().replaceFirst("/" + EmbeddedDatabase.DATABASE + "$", "/" + name);
    TestDatabase.migrate(url);
    return url;
  }

  private static void insertSigningKey(Connection owner, TokenSigning.GeneratedKey key)
      throws Exception {
    try (PreparedStatement insert =
        owner.prepareStatement(
            "insert into signing_key (kid, algorithm, public_key, wrapped_private_key, master_key_id, state, "
                + "created_at, state_changed_at) values (?, 'RS256', ?, ?, ?, 'ACTIVE', now(), now())")) {
      insert.setString(1, key.kid());
      insert.setBytes(2, key.publicKey());
      insert.setBytes(3, key.wrappedPrivateKey());
      insert.setString(4, key.masterKeyId());
      insert.executeUpdate();
    }
  }

  private static void insertWorkspaceKey(
      Connection owner, UUID workspace, byte[] wrapped, String masterKeyId) throws Exception {
    try (PreparedStatement insert =
        owner.prepareStatement(
            "insert into workspace (id, name, created_at, updated_at) "
                + "values (?, 'master-key test', now(), now())")) {
      insert.setObject(1, workspace);
      insert.executeUpdate();
    }
    try (PreparedStatement insert =
        owner.prepareStatement(
            "insert into workspace_key (id, workspace_id, version, state, wrapped_key, master_key_id, "
                + "created_at, state_changed_at) values (?, ?, 1, 'ACTIVE', ?, ?, now(), now())")) {
      insert.setObject(1, UUID.randomUUID());
      insert.setObject(2, workspace);
      insert.setBytes(3, wrapped);
      insert.setString(4, masterKeyId);
      insert.executeUpdate();
    }
  }

  /**
   * Everything start-up could touch: keys (with their row versions), migrations, bootstrap rows.
   */
  private static String snapshot() throws Exception {
    StringBuilder state = new StringBuilder();
    try (Connection owner = TestDatabase.asSuperuser();
        Statement query = owner.createStatement()) {
      for (String sql :
          List.of(
              "select id, state, encode(wrapped_key, 'hex'), master_key_id, xmin::text from workspace_key order by id",
              "select count(*) from databasechangelog",
              "select count(*) from operator",
              "select count(*) from api_key",
              "select count(*) from workspace")) {
        try (ResultSet rows = query.executeQuery(sql)) {
          while (rows.next()) {
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
              state.append(rows.getString(i)).append('|');
            }
            state.append('\n');
          }
        }
      }
    }
    return state.toString();
  }

  private record Launch(int exitCode, String output) {}

  private static Launch launch(String name, Map<String, String> masterKeySettings)
      throws Exception {
    return launch(name, masterKeySettings, TestEnvironment.get().database().jdbcUrl(), false);
  }

  /**
   * Runs the launcher until it exits by itself or, with {@code stopWhenReady}, until it reports
   * ready (then stops it as Ctrl-C would).
   */
  private static Launch launch(
      String name, Map<String, String> masterKeySettings, String jdbcUrl, boolean stopWhenReady)
      throws Exception {
    try (LaunchedNode node =
        LaunchedNode.start(ROOT.getFileName() + "/" + name, jdbcUrl, masterKeySettings)) {
      if (stopWhenReady) {
        boolean ready = node.awaitReady(240);
        node.close();
        return new Launch(ready ? 0 : -1, node.output() + (ready ? "" : node.serverLogTail()));
      }
      int exit = node.awaitExit(240);
      // Keep what the server said next to a start that neither refused nor became ready.
      return new Launch(exit, node.output() + (exit == 3 ? "" : node.serverLogTail()));
    }
  }
}
