package io.secureflows.crypto.app;

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
      if (!tableExists(connection)) {
        return;
      }
      try (Statement statement = connection.createStatement();
          ResultSet sample =
              statement.executeQuery(
                  "select distinct on (master_key_id) master_key_id, workspace_id, version, wrapped_key "
                      + "from workspace_key where wrapped_key is not null order by master_key_id, version")) {
        while (sample.next()) {
          String id = sample.getString(1);
          MasterKey key =
              masterKeys
                  .byId(id)
                  .orElseThrow(
                      () ->
                          new MasterKeyUnavailableException(
                              "the stored workspace keys are wrapped by master key "
                                  + id
                                  + ", but the configured master key is "
                                  + masterKeys.current().id()
                                  + " (wrong keystore, alias or SF_MASTER_KEY?)"));
          byte[] context =
              io.secureflows.crypto.domain.WorkspaceKey.wrapContext(
                  sample.getObject(2, java.util.UUID.class), sample.getInt(3));
          try {
            java.util.Arrays.fill(key.unwrap(sample.getBytes(4), context), (byte) 0);
          } catch (RuntimeException e) {
            throw new MasterKeyUnavailableException(
                "master key " + id + " does not unwrap the stored workspace keys", e);
          }
        }
      }
    }
  }

  private static boolean tableExists(Connection connection) throws SQLException {
    try (PreparedStatement p =
            connection.prepareStatement("select to_regclass('workspace_key') is not null");
        ResultSet r = p.executeQuery()) {
      r.next();
      return r.getBoolean(1);
    }
  }
}
