package io.secureflows.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One API call as the access log keeps it: the route template, never the concrete path, query
 * string, headers or body.
 */
public record AccessRecord(
    Instant occurredAt,
    UUID workspaceId,
    ActorType actorType,
    String actorId,
    String method,
    String route,
    int status,
    long latencyMicros,
    UUID applicationId,
    UUID sessionId,
    String correlationId) {}
