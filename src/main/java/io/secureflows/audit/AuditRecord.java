package io.secureflows.audit;

import io.secureflows.platform.tenancy.Caller;
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

  /**
   * An operator-side caller was refused a workspace outside its scope (answered 404, as if it did
   * not exist); recorded in the caller's own workspace, or the platform's.
   */
  public static AuditRecord accessDenied(Caller caller, UUID requestedWorkspace) {
    return new AuditRecord(
        caller.workspaceId().orElse(null),
        ActorType.of(caller),
        caller.id().toString(),
        "access.denied",
        Outcome.DENIED,
        null,
        null,
        "workspace:" + requestedWorkspace,
        null);
  }

  /** A successful action of an operator-side caller (its API key or console account). */
  public static AuditRecord byCaller(
      Caller caller,
      UUID workspaceId,
      String action,
      UUID applicationId,
      UUID sessionId,
      String target,
      String reason) {
    return new AuditRecord(
        workspaceId,
        ActorType.of(caller),
        caller.id().toString(),
        action,
        Outcome.SUCCESS,
        applicationId,
        sessionId,
        target,
        null,
        reason);
  }
}
