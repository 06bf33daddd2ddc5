package io.secureflows.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The access log's queue in {@code /health/ready}: how many records wait and how many were dropped
 * since start. DOWN while the queue is more than nine tenths full (the node takes calls faster than
 * it can record them), so a balancer can send calls elsewhere.
 */
@Readiness
@ApplicationScoped
public class AccessLogHealthCheck implements HealthCheck {

  @Inject AccessLog accessLog;

  @Override
  public HealthCheckResponse call() {
    int queued = accessLog.queued();
    return HealthCheckResponse.named("access-log")
        .status(queued <= AccessLog.CAPACITY / 10 * 9)
        .withData("queued", queued)
        .withData("dropped", accessLog.dropped())
        .build();
  }
}
