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

  protected AuditEvent() {}

  public AuditEvent(AuditRecord record, Instant now) {
    this.id = Ids.newId();
    this.occurredAt = now;
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
