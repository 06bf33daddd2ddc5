package io.secureflows.platform.health;

import io.secureflows.platform.persistence.SchemaMigrator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the schema migration has finished and the runtime role can reach the database within
 * two seconds.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  @Resource(lookup = SchemaMigrator.DATA_SOURCE)
  DataSource dataSource;

  @Inject SchemaMigrator migrator;

  @Override
  public HealthCheckResponse call() {
    boolean migrated = migrator.isComplete();
    boolean reachable = reachable();
    return HealthCheckResponse.named("database")
        .status(migrated && reachable)
        .withData("migrated", migrated)
        .withData("reachable", reachable)
        .build();
  }

  private boolean reachable() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }
}
