package io.secureflows.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * A real PostgreSQL 18 (zonky's binaries from Maven) in a data folder of ours, with durable
 * settings (fsync and synchronous commit on, unlike zonky's test defaults), password authentication
 * from the first start, and the two roles secureFlows needs: an owner that runs migrations and a
 * runtime role with no DDL rights.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  public static final String DATABASE = "secureflows";
  public static final String OWNER = "secureflows_owner";
  public static final String RUNTIME = "secureflows_app";
  private static final String SUPERUSER = "postgres";

  private final EmbeddedPostgres postgres;
  private final Secrets secrets;
  private final Path dataDirectory;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Secrets secrets, Path dataDirectory) {
    this.postgres = postgres;
    this.secrets = secrets;
    this.dataDirectory = dataDirectory;
  }

  /**
   * Starts the database in {@code dataDir} (created on first start, reused afterwards) and makes
   * sure the roles and database exist.
   *
   * @param durable fsync and synchronous commit on (the run); off only for throwaway test databases
   */
  public static EmbeddedDatabase start(
      Path dataDir, Secrets secrets, int port, boolean durable, Path log)
      throws IOException, SQLException {
    Files.createDirectories(dataDir.getParent());
    Path passwordFile = secrets.file("db-superuser.password");
    String superuserPassword = secrets.getOrCreate("db-superuser.password");
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setPGStartupWait(Duration.ofSeconds(60))
            // initdb: password authentication from the very first start, superuser password from
            // our secret file.
            .setLocaleConfig("auth", "scram-sha-256")
            .setLocaleConfig("pwfile", passwordFile.toString())
            .setConnectConfig("password", superuserPassword)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("password_encryption", "scram-sha-256")
            .setServerConfig("fsync", durable ? "on" : "off")
            .setServerConfig("synchronous_commit", durable ? "on" : "off")
            .setServerConfig("full_page_writes", durable ? "on" : "off")
            .setServerConfig("max_connections", "200");
    if (log != null) {
      Files.createDirectories(log.getParent());
      builder
          .setOutputRedirector(Redirect.appendTo(log.toFile()))
          .setErrorRedirector(Redirect.appendTo(log.toFile()));
    }
    EmbeddedDatabase database = new EmbeddedDatabase(builder.start(), secrets, dataDir);
    database.ensureRolesAndDatabase();
    return database;
  }

  private void ensureRolesAndDatabase() throws SQLException, IOException {
    DataSource admin = postgres.getPostgresDatabase();
    try (Connection c = admin.getConnection()) {
      ensureRole(c, OWNER, secrets.getOrCreate("db-owner.password"));
      ensureRole(c, RUNTIME, secrets.getOrCreate("db-runtime.password"));
      if (!exists(c, "select 1 from pg_database where datname = ?", DATABASE)) {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER + " ENCODING 'UTF8'");
          s.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
          s.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + DATABASE + " TO " + RUNTIME);
        }
      }
    }
  }

  private static void ensureRole(Connection c, String role, String password) throws SQLException {
    String verb = exists(c, "select 1 from pg_roles where rolname = ?", role) ? "ALTER" : "CREATE";
    try (Statement s = c.createStatement()) {
      // Identifiers are our constants; the password is generated base64url, so quoting it as a
      // literal is safe.
      s.execute(
          verb
              + " ROLE "
              + role
              + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '"
              + password
              + "'");
    }
  }

  private static boolean exists(Connection c, String sql, String value) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, value);
      try (ResultSet r = p.executeQuery()) {
        return r.next();
      }
    }
  }

  /** The data folder, as PostgreSQL writes it to disk. */
  public Path dataDirectory() {
    return dataDirectory;
  }

  /**
   * A superuser connection, for what only a superuser may do (tests force a checkpoint, for
   * example).
   */
  public Connection superuserConnection() throws SQLException {
    return postgres.getPostgresDatabase().getConnection();
  }

  public int port() {
    return postgres.getPort();
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
  }

  public String ownerPassword() throws IOException {
    return secrets.getOrCreate("db-owner.password");
  }

  public String runtimePassword() throws IOException {
    return secrets.getOrCreate("db-runtime.password");
  }

  public String superuserPassword() throws IOException {
    return secrets.getOrCreate("db-superuser.password");
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
