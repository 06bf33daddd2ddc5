package io.secureflows.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the drain file ({@code SF_DRAIN_FILE}) exists: the launcher writes it when it is
 * told to stop a node, so that a load balancer's health check takes the node out of rotation while
 * it still answers every request. Without the setting, always ready.
 */
@Readiness
@ApplicationScoped
public class DrainReadinessCheck implements HealthCheck {

  @Inject
  @ConfigProperty(name = "sf.drain-file")
  Optional<String> drainFile;

  @Override
  public HealthCheckResponse call() {
    boolean draining =
        drainFile
            .filter(file -> !file.isBlank())
            .map(file -> Files.exists(Path.of(file)))
            .orElse(false);
    return HealthCheckResponse.named("traffic")
        .status(!draining)
        .withData("draining", draining)
        .build();
  }
}
