package io.secureflows.audit.domain;

import io.secureflows.audit.ActorType;
import io.secureflows.audit.AuditRecord;
import io.secureflows.audit.Outcome;
import io.secureflows.platform.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One security event. Written once, never changed (the runtime role may only insert and read).
 * Free-text parts are bounded and stripped of control characters, so nothing a client sends can
 * forge a line in an export or a log.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

  @Id private UUID id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(name = "workspace_id", updatable = false)
  private UUID workspaceId;

  @Enumerated(EnumType.STRING)
  @Column(name = "actor_type", nullable = false, updatable = false, length = 16)
  private ActorType actorType;

  @Column(name = "actor_id", updatable = false, length = 100)
  private String actorId;

  @Column(nullable = false, updatable = false, length = 64)
  private String action;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 16)
  private Outcome outcome;

  @Column(name = "application_id", updatable = false)
  private UUID applicationId;

  @Column(name = "session_id", updatable = false)
  private UUID sessionId;

  @Column(updatable = false, length = 200)
  private String target;

  @Column(name = "client_address", updatable = false, length = 64)
  private String clientAddress;

  @Column(name = "reason", updatable = false)
  private String reason;

  @Column(name = "correlation_id", updatable = false, length = 64)
  private String correlationId;

  protected AuditEvent() {}

  public AuditEvent(AuditRecord record, Instant now, String correlationId) {
    this.id = Ids.newId();
    this.occurredAt = now.truncatedTo(ChronoUnit.MICROS);
    this.workspaceId = record.workspaceId();
    this.actorType = Objects.requireNonNull(record.actorType());
    this.actorId = clean(record.actorId(), 100);
    this.action = Objects.requireNonNull(clean(record.action(), 64));
    this.outcome = Objects.requireNonNull(record.outcome());
    this.applicationId = record.applicationId();
    this.sessionId = record.sessionId();
    this.target = clean(record.target(), 200);
    this.clientAddress = clean(record.clientAddress(), 64);
    this.reason = clean(record.reason(), 500);
    this.correlationId = clean(correlationId, 64);
  }

  /**
   * The fields a record's content digest covers, in order, as text: ids in their canonical form,
   * the time as microseconds since the epoch (the database's precision). The chain verification and
   * offline checks of an export rebuild exactly this list.
   */
  public static List<String> canonicalFields(
      UUID id,
      Instant occurredAt,
      UUID workspaceId,
      String actorType,
      String actorId,
      String action,
      String outcome,
      UUID applicationId,
      UUID sessionId,
      String target,
      String clientAddress,
      String reason,
      String correlationId) {
    long micros =
        Math.addExact(
            Math.multiplyExact(occurredAt.getEpochSecond(), 1_000_000L),
            occurredAt.getNano() / 1_000);
    return Arrays.asList(
        id.toString(),
        Long.toString(micros),
        text(workspaceId),
        actorType,
        actorId,
        action,
        outcome,
        text(applicationId),
        text(sessionId),
        target,
        clientAddress,
        reason,
        correlationId);
  }

  private static String text(UUID id) {
    return id == null ? null : id.toString();
  }

  static String clean(String value, int max) {
    if (value == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), max));
    value
        .codePoints()
        .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
        .limit(max)
        .forEach(out::appendCodePoint);
    return out.length() > max ? out.substring(0, max) : out.toString();
  }
}
