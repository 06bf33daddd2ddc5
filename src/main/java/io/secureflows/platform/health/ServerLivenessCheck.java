package io.secureflows.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live as long as the application answers. Deliberately independent of the database: a database
 * outage makes the node unready, not dead, so an orchestrator does not restart healthy nodes in a
 * loop.
 */
@Liveness
@ApplicationScoped
public class ServerLivenessCheck implements HealthCheck {
  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.up("server");
  }
}
