package io.secureflows.crypto.app;

import io.secureflows.crypto.TokenSigning;
import io.secureflows.crypto.domain.WorkspaceKey;
import io.secureflows.crypto.spi.MasterKey;
import io.secureflows.crypto.spi.MasterKeyUnavailableException;
import io.secureflows.platform.persistence.SchemaMigrator;
import io.secureflows.platform.persistence.StartupRefusal;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The first thing secureFlows does at start-up, before migrations touch the database: load the
 * master key and prove it is the one the stored workspace keys were wrapped with, by unwrapping one
 * key per master-key id found. A missing or wrong master key stops the deployment with a clear
 * message and changes nothing in the database (read-only checks).
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class MasterKeyGuard {
  private static final Logger LOG = Logger.getLogger(MasterKeyGuard.class.getName());

  @Inject MasterKeys masterKeys;

  @Resource(lookup = SchemaMigrator.DATA_SOURCE)
  DataSource dataSource;

  @PostConstruct
  void check() {
    try {
      masterKeys.load();
      verifyStoredKeys();
      LOG.info("Master key " + masterKeys.current().id() + " loaded and verified");
    } catch (MasterKeyUnavailableException e) {
      throw StartupRefusal.refuse(LOG, e.getMessage(), e);
    } catch (RuntimeException e) {
      throw StartupRefusal.refuse(LOG, "the master key could not be loaded: " + e.getMessage(), e);
    } catch (SQLException e) {
      throw StartupRefusal.refuse(
          LOG, "the database could not be read to verify the master key", e);
    }
  }

  private void verifyStoredKeys() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      if (tableExists(connection, "workspace_key")) {
        verify(
            connection,
            "select distinct on (master_key_id) master_key_id, workspace_id, version, wrapped_key "
                + "from workspace_key where wrapped_key is not null order by master_key_id, version",
            (key, row) ->
                Arrays.fill(
                    key.unwrap(
                        row.getBytes(4),
                        WorkspaceKey.wrapContext(row.getObject(2, UUID.class), row.getInt(3))),
                    (byte) 0));
      }
      if (tableExists(connection, "signing_key")) {
        verify(
            connection,
            "select distinct on (master_key_id) master_key_id, kid, wrapped_private_key "
                + "from signing_key order by master_key_id, created_at",
            (key, row) -> TokenSigning.checkUnwraps(key, row.getString(2), row.getBytes(3)));
      }
    }
  }

  /** How one sampled row is proven: unwrap it with the master key it names. */
  private interface Unwrap {
    void check(MasterKey key, ResultSet row) throws SQLException;
  }

  /**
   * For every master-key id the query samples, the configured provider must offer it and it must
   * unwrap the row.
   */
  private void verify(Connection connection, String sampleQuery, Unwrap unwrap)
      throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet sample = statement.executeQuery(sampleQuery)) {
      while (sample.next()) {
        String id = sample.getString(1);
        MasterKey key =
            masterKeys
                .byId(id)
                .orElseThrow(
                    () ->
                        new MasterKeyUnavailableException(
                            "the stored keys are wrapped by master key "
                                + id
                                + ", but the configured master key is "
                                + masterKeys.current().id()
                                + " (wrong keystore, alias or SF_MASTER_KEY?)"));
        try {
          unwrap.check(key, sample);
        } catch (RuntimeException e) {
          throw new MasterKeyUnavailableException(
              "master key " + id + " does not unwrap the stored keys", e);
        }
      }
    }
  }

  private static boolean tableExists(Connection connection, String table) throws SQLException {
    try (PreparedStatement p = connection.prepareStatement("select to_regclass(?) is not null")) {
      p.setString(1, table);
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return r.getBoolean(1);
      }
    }
  }
}
