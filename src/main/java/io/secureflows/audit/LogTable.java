package io.secureflows.audit;

import java.util.List;

/**
 * The two logs as queries see them: their columns (name in the API, SQL expression, kind) and the
 * filters each offers. Only these fixed strings ever become SQL.
 */
public enum LogTable {
  AUDIT(
      "audit_event e left join audit_seal s on s.event_id = e.id",
      "uuid",
      List.of(
          new Column("id", "e.id", Kind.TEXT),
          new Column("occurredAt", "e.occurred_at", Kind.TIME),
          new Column("actorType", "e.actor_type", Kind.TEXT),
          new Column("actorId", "e.actor_id", Kind.TEXT),
          new Column("action", "e.action", Kind.TEXT),
          new Column("outcome", "e.outcome", Kind.TEXT),
          new Column("applicationId", "e.application_id", Kind.TEXT),
          new Column("sessionId", "e.session_id", Kind.TEXT),
          new Column("target", "e.target", Kind.TEXT),
          new Column("clientAddress", "e.client_address", Kind.TEXT),
          new Column("reason", "e.reason", Kind.TEXT),
          new Column("correlationId", "e.correlation_id", Kind.TEXT),
          new Column("chainSeq", "s.seq", Kind.NUMBER),
          new Column("chainPrevHash", "s.prev_hash", Kind.HEX),
          new Column("chainHash", "s.hash", Kind.HEX))),
  ACCESS(
      "access_log e",
      "bigint",
      List.of(
          new Column("id", "e.id", Kind.TEXT),
          new Column("occurredAt", "e.occurred_at", Kind.TIME),
          new Column("actorType", "e.actor_type", Kind.TEXT),
          new Column("actorId", "e.actor_id", Kind.TEXT),
          new Column("method", "e.method", Kind.TEXT),
          new Column("route", "e.route", Kind.TEXT),
          new Column("status", "e.status", Kind.NUMBER),
          new Column("latencyMicros", "e.latency_micros", Kind.NUMBER),
          new Column("applicationId", "e.application_id", Kind.TEXT),
          new Column("sessionId", "e.session_id", Kind.TEXT),
          new Column("correlationId", "e.correlation_id", Kind.TEXT)));

  /** How a column is written. */
  public enum Kind {
    TEXT,
    NUMBER,
    TIME,
    HEX
  }

  /** One column: its API name, its SQL expression, its kind. */
  public record Column(String name, String sql, Kind kind) {}

  final String from;
  final String idType;
  final List<Column> columns;

  LogTable(String from, String idType, List<Column> columns) {
    this.from = from;
    this.idType = idType;
    this.columns = columns;
  }

  public List<Column> columns() {
    return columns;
  }
}
