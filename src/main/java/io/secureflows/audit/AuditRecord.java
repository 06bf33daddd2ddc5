package io.secureflows.audit;

import java.util.UUID;

/**
 * What a caller reports: plain values only (the audit log imports no concern). {@code target} names
 * what was acted on (for example {@code user:<id>}), never a secret; {@code reason} is what an
 * operator typed to justify the action (control characters are removed before storage).
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
    String clientAddress,
    String reason) {

  /** A record without a reason (most actions need none). */
  public AuditRecord(
      UUID workspaceId,
      ActorType actorType,
      String actorId,
      String action,
      Outcome outcome,
      UUID applicationId,
      UUID sessionId,
      String target,
      String clientAddress) {
    this(
        workspaceId,
        actorType,
        actorId,
        action,
        outcome,
        applicationId,
        sessionId,
        target,
        clientAddress,
        null);
  }
}
