package io.secureflows.audit;

import java.util.UUID;

/**
 * What a caller reports: plain values only (the audit log imports no concern). {@code target} names
 * what was acted on (for example {@code user:<id>}), never a secret.
 */
public record AuditRecord(
    UUID workspaceId,
    ActorType actorType,
    String actorId,
    String action,
    Outcome outcome,
    UUID applicationId,
    UUID sessionId,
    String target,
    String clientAddress) {}
