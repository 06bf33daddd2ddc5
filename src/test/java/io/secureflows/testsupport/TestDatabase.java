package io.secureflows.testsupport;

import io.secureflows.launcher.EmbeddedDatabase;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.ds.PGSimpleDataSource;

/** Direct JDBC to the test database, as each of its roles, for assertions the API cannot make. */
public final class TestDatabase {
  private TestDatabase() {}

  /**
   * The superuser, for inspecting and tampering with rows: row-level security is forced on the
   * owner too, so only a superuser sees every workspace's rows.
   */
  /**
   * Inserts {@code count} sessions of one user and application that expired a day ago and are due
   * for purge: work for the sweeper, without a sign-in each.
   */
  /** Sessions of the application other than {@code keptSessionId}: what a sweep has left. */
  public static long sessionsBesides(String applicationId, String keptSessionId)
      throws SQLException {
    return count(
        "select count(*) from user_session where application_id = ?::uuid and id <> ?::uuid",
        applicationId,
        keptSessionId);
  }

  /**
   * The sessions the workspace's audit counts as purged: the sum over its {@code session.purged}
   * records, whose target is {@code sessions:<n>}.
   */
  public static long sessionsPurgedInTheAudit(String workspaceId) throws SQLException {
    return count(
        "select coalesce(sum(split_part(target, ':', 2)::int), 0) from audit_event "
            + "where workspace_id = ?::uuid and action = 'session.purged'",
        workspaceId);
  }

  public static void insertExpiredSessions(
      String workspaceId, String applicationId, String userId, int count) throws SQLException {
    try (Connection c = asSuperuser();
        PreparedStatement insert =
            c.prepareStatement(
                "insert into user_session (id, workspace_id, application_id, user_id, "
                    + "created_at, last_seen_at, expires_at, purge_after) "
                    + "select gen_random_uuid(), ?::uuid, ?::uuid, ?::uuid, "
                    + "now() - interval '2 days', now() - interval '2 days', "
                    + "now() - interval '1 day', now() - interval '1 day' "
                    + "from generate_series(1, ?)")) {
      insert.setString(1, workspaceId);
      insert.setString(2, applicationId);
      insert.setString(3, userId);
      insert.setInt(4, count);
      insert.executeUpdate();
    }
  }

  public static Connection asSuperuser() throws SQLException {
    try {
      return connect(jdbcUrl(), "postgres", TestEnvironment.get().database().superuserPassword());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The owner of the tables (the migration role). Row-level security is forced on it too: it sees
   * no workspace's rows unless it lifts that on a table it owns.
   */
  public static Connection asOwner() throws SQLException {
    return connect(jdbcUrl(), EmbeddedDatabase.OWNER, password(Role.OWNER));
  }

  public static Connection asRuntime() throws SQLException {
    return connect(jdbcUrl(), EmbeddedDatabase.RUNTIME, password(Role.RUNTIME));
  }

  public static String jdbcUrl() {
    return TestEnvironment.get().database().jdbcUrl();
  }

  /** A single number from a query with optional parameters, run as the superuser. */
  public static long count(String sql, Object... parameters) throws SQLException {
    try (Connection c = asSuperuser();
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

  /**
   * Applies the changelog from the top-level {@code liquibase/} folder as the owner, as the
   * Liquibase CLI or Maven plugin would; returns how many changesets are recorded afterwards.
   */
  public static long migrate() throws Exception {
    return migrate(jdbcUrl());
  }

  /** {@link #migrate()} on another database of the test server. */
  public static long migrate(String url) throws Exception {
    try (Connection owner = connect(url, EmbeddedDatabase.OWNER)) {
      Scope.child(
          Map.of(
              Scope.Attr.resourceAccessor.name(),
              new DirectoryResourceAccessor(Path.of("liquibase"))),
          () -> {
            Database database =
                DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(owner));
            ChangeLogParameters parameters = new ChangeLogParameters(database);
            parameters.set("runtimeRole", EmbeddedDatabase.RUNTIME);
            new CommandScope(UpdateCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, "db.changelog-master.xml")
                .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_PARAMETERS, parameters)
                .execute();
          });
    }
    try (Connection owner = connect(url, EmbeddedDatabase.OWNER);
        Statement statement = owner.createStatement();
        ResultSet count = statement.executeQuery("select count(*) from databasechangelog")) {
      count.next();
      return count.getLong(1);
    }
  }

  /** A connection to any database of the test server as the owner or the runtime role. */
  public static Connection connect(String url, String role) throws SQLException {
    return connect(
        url, role, password(role.equals(EmbeddedDatabase.OWNER) ? Role.OWNER : Role.RUNTIME));
  }

  /**
   * Every row of every table as a logical backup holds it: {@code COPY ... TO STDOUT}, the text
   * format {@code pg_dump} writes (bytea as {@code \\x} hex). The embedded PostgreSQL 18 ships no
   * {@code pg_dump}, and an older one refuses a newer server, so the test takes the same data the
   * same way.
   */
  public static String dump() throws SQLException, IOException {
    StringBuilder dump = new StringBuilder();
    try (Connection owner = asSuperuser();
        Statement list = owner.createStatement();
        ResultSet tables =
            list.executeQuery(
                "select tablename from pg_tables where schemaname = 'public' order by tablename")) {
      CopyManager copy = owner.unwrap(PGConnection.class).getCopyAPI();
      while (tables.next()) {
        StringWriter rows = new StringWriter();
        copy.copyOut("COPY public." + tables.getString(1) + " TO STDOUT", rows);
        dump.append("-- ").append(tables.getString(1)).append('\n').append(rows);
      }
    }
    return dump.toString();
  }

  /**
   * Whether any file of the database's data folder (tables, indexes, write-ahead log) holds these
   * bytes, after a checkpoint has written everything out.
   */
  public static boolean dataFilesContain(byte[] needle) throws SQLException, IOException {
    EmbeddedDatabase database = TestEnvironment.get().database();
    try (Connection superuser = database.superuserConnection();
        Statement checkpoint = superuser.createStatement()) {
      checkpoint.execute("CHECKPOINT");
    }
    try (Stream<Path> files = Files.walk(database.dataDirectory())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (indexOf(Files.readAllBytes(file), needle) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
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

  private static Connection connect(String url, String user, String password) throws SQLException {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setURL(url);
    source.setUser(user);
    source.setPassword(password);
    return source.getConnection();
  }
}
