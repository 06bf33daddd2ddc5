package io.secureflows.testsupport;

import io.secureflows.launcher.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.postgresql.ds.PGSimpleDataSource;

/** Direct JDBC to the test database, as each of its roles, for assertions the API cannot make. */
public final class TestDatabase {
  private TestDatabase() {}

  public static Connection asOwner() throws SQLException {
    return connect(EmbeddedDatabase.OWNER, password(Role.OWNER));
  }

  public static Connection asRuntime() throws SQLException {
    return connect(EmbeddedDatabase.RUNTIME, password(Role.RUNTIME));
  }

  public static String jdbcUrl() {
    return TestEnvironment.get().database().jdbcUrl();
  }

  /** A single number from a query with optional parameters, run as the owner. */
  public static long count(String sql, Object... parameters) throws SQLException {
    try (Connection c = asOwner();
        PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        p.setObject(i + 1, parameters[i]);
      }
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private enum Role {
    OWNER,
    RUNTIME
  }

  private static String password(Role role) {
    try {
      EmbeddedDatabase database = TestEnvironment.get().database();
      return role == Role.OWNER ? database.ownerPassword() : database.runtimePassword();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Connection connect(String user, String password) throws SQLException {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setURL(jdbcUrl());
    source.setUser(user);
    source.setPassword(password);
    return source.getConnection();
  }
}
