package io.secureflows.platform.persistence;

import io.secureflows.platform.tenancy.WorkspaceScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;

/**
 * Hands Hibernate the server's pooled, transaction-enlisted connections, each with the session's
 * workspace set as the transaction-local {@code sf.workspace_id} that PostgreSQL's row-level
 * security policies read. Set with {@code is_local = true}: it ends with the transaction, so a
 * pooled connection never carries a workspace into the next one; outside a transaction it ends with
 * the statement and later statements see no rows.
 */
public class WorkspaceScopedConnections implements MultiTenantConnectionProvider<UUID> {
  private static final long serialVersionUID = 1L;

  /** The transaction-local setting the row-level security policies read. */
  public static final String SETTING = "sf.workspace_id";

  private transient volatile DataSource dataSource;

  @Override
  public Connection getAnyConnection() throws SQLException {
    return dataSource().getConnection();
  }

  @Override
  public void releaseAnyConnection(Connection connection) throws SQLException {
    connection.close();
  }

  @Override
  public Connection getConnection(UUID workspace) throws SQLException {
    Connection connection = dataSource().getConnection();
    try {
      enter(connection, workspace);
      return connection;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** Sets the transaction's workspace on a connection; {@link WorkspaceScope#NONE} sets none. */
  public static void enter(Connection connection, UUID workspace) throws SQLException {
    try (PreparedStatement set =
        connection.prepareStatement("select set_config('" + SETTING + "', ?, true)")) {
      set.setString(
          1,
          workspace == null || WorkspaceScope.NONE.equals(workspace) ? "" : workspace.toString());
      set.execute();
    }
  }

  @Override
  public void releaseConnection(UUID workspace, Connection connection) throws SQLException {
    connection.close();
  }

  @Override
  public boolean supportsAggressiveRelease() {
    return false;
  }

  @Override
  public boolean isUnwrappableAs(Class<?> type) {
    return type.isInstance(this);
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new IllegalArgumentException("Cannot unwrap to " + type);
  }

  private DataSource dataSource() throws SQLException {
    DataSource source = dataSource;
    if (source == null) {
      try {
        source = (DataSource) new InitialContext().lookup(SchemaMigrator.DATA_SOURCE);
      } catch (NamingException e) {
        throw new SQLException(
            "The data source " + SchemaMigrator.DATA_SOURCE + " is not bound", e);
      }
      dataSource = source;
    }
    return source;
  }
}
