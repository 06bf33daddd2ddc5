package io.secureflows.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Applies the Liquibase changelog at start-up, before any other bean touches the database, using
 * the owner role (the runtime role has no DDL rights). If the migration fails, the deployment
 * fails: the application never serves on a schema it does not know. With {@code
 * SF_DB_MIGRATE=false} a DBA applies the same changelog beforehand and this bean only records that
 * the schema is the DBA's business.
 *
 * <p>The runtime data source is defined here so that the database settings live in one place.
 */
@DataSourceDefinition(
    name = SchemaMigrator.DATA_SOURCE,
    className = "org.postgresql.ds.PGSimpleDataSource",
    url = "${MPCONFIG=sf.db.url}",
    user = "${MPCONFIG=sf.db.user}",
    password = "${MPCONFIG=sf.db.password}",
    minPoolSize = 2,
    maxPoolSize = 32,
    maxIdleTime = 300,
    loginTimeout = 5,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
      "fish.payara.validate-atmost-once-period-in-seconds=5",
      "fish.payara.fail-all-connections=true",
      "fish.payara.max-wait-time-in-millis=5000",
      "fish.payara.statement-timeout-in-seconds=30",
      "connectTimeout=5",
      "socketTimeout=60",
      "tcpKeepAlive=true",
      "ApplicationName=secureflows"
    })
@Singleton
@Startup
// The master key is verified before the schema is touched (crypto's start-up guard, named to avoid
// a dependency).
@DependsOn("MasterKeyGuard")
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {
  public static final String DATA_SOURCE = "java:app/jdbc/secureflows";
  public static final String CHANGELOG = "liquibase/db.changelog-master.xml";

  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

  @Inject
  @ConfigProperty(name = "sf.db.url")
  String url;

  @Inject
  @ConfigProperty(name = "sf.db.user")
  String runtimeUser;

  @Inject
  @ConfigProperty(name = "sf.db.owner.user")
  Optional<String> ownerUser;

  @Inject
  @ConfigProperty(name = "sf.db.owner.password")
  Optional<String> ownerPassword;

  @Inject
  @ConfigProperty(name = "sf.db.migrate", defaultValue = "true")
  boolean migrate;

  @Resource(lookup = DATA_SOURCE)
  DataSource runtimeDataSource;

  private volatile boolean complete;

  @PostConstruct
  void migrate() {
    if (!migrate) {
      LOG.info("SF_DB_MIGRATE=false: the schema is expected to be migrated by the DBA");
      requireRuntimeRoleUnderRowSecurity();
      complete = true;
      return;
    }
    String owner =
        ownerUser.orElseThrow(
            () ->
                StartupRefusal.refuse(
                    LOG, "SF_DB_OWNER_USER is not set: it is needed to migrate the schema", null));
    PGSimpleDataSource ownerDataSource = new PGSimpleDataSource();
    ownerDataSource.setURL(url);
    ownerDataSource.setUser(owner);
    ownerPassword.ifPresent(ownerDataSource::setPassword);
    ownerDataSource.setApplicationName("secureflows-migrations");
    try (Connection connection = ownerDataSource.getConnection()) {
      update(connection);
    } catch (Exception e) {
      throw StartupRefusal.refuse(LOG, "the database migration failed", e);
    }
    requireRuntimeRoleUnderRowSecurity();
    complete = true;
    LOG.info("Database schema is up to date");
  }

  /**
   * Workspace isolation rests on the runtime role being subject to row-level security: refuse to
   * serve with a role that is a superuser, has BYPASSRLS, or owns the data (an owner can switch the
   * policies off).
   */
  private void requireRuntimeRoleUnderRowSecurity() {
    try (Connection connection = runtimeDataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet role =
            statement.executeQuery(
                "select r.rolsuper or r.rolbypassrls, "
                    + "exists (select 1 from pg_class c where c.relowner = r.oid "
                    + "and c.relname = 'session_payload') "
                    + "from pg_roles r where r.rolname = current_user")) {
      role.next();
      if (role.getBoolean(1)) {
        throw StartupRefusal.refuse(
            LOG,
            "the runtime database role (SF_DB_USER) is a superuser or has BYPASSRLS, so row-level"
                + " security would not isolate workspaces; use a plain role",
            null);
      }
      if (role.getBoolean(2)) {
        throw StartupRefusal.refuse(
            LOG,
            "the runtime database role (SF_DB_USER) owns the tables; use a role that does not"
                + " (SF_DB_OWNER_USER owns them)",
            null);
      }
    } catch (SQLException e) {
      throw StartupRefusal.refuse(LOG, "the runtime database role could not be checked", e);
    }
  }

  private void update(Connection connection) throws Exception {
    Map<String, Object> scope =
        Map.of(
            Scope.Attr.resourceAccessor.name(),
            new ClassLoaderResourceAccessor(getClass().getClassLoader()));
    Scope.child(
        scope,
        () -> {
          Database database =
              DatabaseFactory.getInstance()
                  .findCorrectDatabaseImplementation(new JdbcConnection(connection));
          ChangeLogParameters parameters = new ChangeLogParameters(database);
          parameters.set("runtimeRole", runtimeUser);
          new CommandScope(UpdateCommandStep.COMMAND_NAME)
              .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
              .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
              .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_PARAMETERS, parameters)
              .execute();
        });
  }

  /** True once the schema is known to be current; readiness waits for it. */
  public boolean isComplete() {
    return complete;
  }
}
