package io.secureflows.session.app;

import io.secureflows.audit.AuditLog;
import io.secureflows.audit.AuditRecord;
import io.secureflows.platform.error.InvalidInputException;
import io.secureflows.platform.error.NotFoundException;
import io.secureflows.platform.tenancy.CallerContext;
import io.secureflows.session.domain.UserSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sessions as operators manage them, within the caller's scope; another workspace's session is not
 * found.
 */
@ApplicationScoped
@Transactional
public class SessionAdministration {
  /** The longest reason an operator may give for reading a payload. */
  public static final int MAX_REASON_LENGTH = 500;

  @Inject CallerContext callers;

  @Inject SessionRegistry sessions;

  @Inject SessionPayloadService payloads;

  @Inject AuditLog auditLog;

  @Inject Clock clock;

  @PersistenceContext EntityManager em;

  /** A session as a search lists it. */
  public record SessionSummary(
      UUID id,
      UUID userId,
      UUID applicationId,
      Instant createdAt,
      Instant lastSeenAt,
      Instant expiresAt,
      Instant signedOutAt,
      SessionQuery.State state) {}

  /** One page of a search, and where the next one starts (null after the last). */
  public record Page(List<SessionSummary> items, SessionQuery.Cursor next) {}

  /**
   * The workspace's sessions matching the query, one keyset page at a time. The state is computed
   * at the time of the search from the session's end ({@code expires_at}, kept under its
   * application's current policy).
   */
  public Page search(UUID workspaceId, SessionQuery query) {
    callers.requireVisible(workspaceId, "Workspace");
    SessionQuery.Sort sort = query.sort();
    String direction = sort.descending ? "desc" : "asc";
    StringBuilder sql =
        new StringBuilder(
            "select s.id, s.user_id, s.application_id, s.created_at, s.last_seen_at, "
                + "s.expires_at, s.signed_out_at, "
                + "(s.expires_at <= :now) as expired, "
                + "(s.signed_out_at is not null and s.signed_out_at >= s.last_seen_at) as signed_out "
                + "from user_session s "
                + "where s.workspace_id = :ws");
    if (query.userId() != null) {
      sql.append(" and s.user_id = :user");
    }
    if (query.applicationId() != null) {
      sql.append(" and s.application_id = :app");
    }
    if (query.state() != null) {
      String expired = "(s.expires_at <= :now)";
      String signedOut = "(s.signed_out_at is not null and s.signed_out_at >= s.last_seen_at)";
      sql.append(
          switch (query.state()) {
            case EXPIRED -> " and " + expired;
            case SIGNED_OUT -> " and not " + expired + " and " + signedOut;
            case ACTIVE -> " and not " + expired + " and not " + signedOut;
          });
    }
    if (query.after() != null) {
      sql.append(" and (s.")
          .append(sort.column)
          .append(", s.id) ")
          .append(sort.descending ? "<" : ">")
          .append(" (:afterValue, :afterId)");
    }
    sql.append(" order by s.")
        .append(sort.column)
        .append(' ')
        .append(direction)
        .append(", s.id ")
        .append(direction)
        .append(" limit :limit");
    // Workspaces differ in size by orders of magnitude. After five runs of a prepared statement
    // PostgreSQL may switch to a generic plan, made for an average workspace, which then reads a
    // whole large workspace to sort it (measured: 565 ms instead of 5 ms over a million sessions).
    // Custom plans see the workspace's own statistics; planning costs far less than that.
    em.createNativeQuery("select set_config('plan_cache_mode', 'force_custom_plan', true)")
        .getSingleResult();
    var search =
        em.createNativeQuery(sql.toString())
            .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC))
            .setParameter("ws", workspaceId)
            .setParameter("limit", query.limit() + 1);
    if (query.userId() != null) {
      search.setParameter("user", query.userId());
    }
    if (query.applicationId() != null) {
      search.setParameter("app", query.applicationId());
    }
    if (query.after() != null) {
      search.setParameter("afterValue", query.after().value().atOffset(ZoneOffset.UTC));
      search.setParameter("afterId", query.after().id());
    }
    List<SessionSummary> items = new ArrayList<>();
    for (Object row : search.getResultList()) {
      Object[] c = (Object[]) row;
      SessionQuery.State state =
          Boolean.TRUE.equals(c[7])
              ? SessionQuery.State.EXPIRED
              : Boolean.TRUE.equals(c[8])
                  ? SessionQuery.State.SIGNED_OUT
                  : SessionQuery.State.ACTIVE;
      items.add(
          new SessionSummary(
              (UUID) c[0],
              (UUID) c[1],
              (UUID) c[2],
              instant(c[3]),
              instant(c[4]),
              instant(c[5]),
              instant(c[6]),
              state));
    }
    SessionQuery.Cursor next = null;
    if (items.size() > query.limit()) {
      items = new ArrayList<>(items.subList(0, query.limit()));
      SessionSummary last = items.get(items.size() - 1);
      next =
          new SessionQuery.Cursor(
              sort,
              sort.column.equals("created_at") ? last.createdAt() : last.lastSeenAt(),
              last.id());
    }
    return new Page(items, next);
  }

  /** How many of a workspace's sessions are live now, and how many wait for the sweeper. */
  public record Overview(long active, long awaitingPurge) {}

  /** Counts over the workspace's sessions (a scan of that workspace's rows, for the dashboard). */
  public Overview overview(UUID workspaceId) {
    callers.requireVisible(workspaceId, "Workspace");
    Object[] counts =
        (Object[])
            em.createNativeQuery(
                    "select count(*) filter (where s.expires_at > :now and not "
                        + "(s.signed_out_at is not null and s.signed_out_at >= s.last_seen_at)), "
                        + "count(*) filter (where s.purge_after <= :now) "
                        + "from user_session s where s.workspace_id = :ws")
                .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC))
                .setParameter("ws", workspaceId)
                .getSingleResult();
    return new Overview(((Number) counts[0]).longValue(), ((Number) counts[1]).longValue());
  }

  public void revoke(UUID workspaceId, UUID sessionId) {
    callers.requireManage(workspaceId, "Session");
    UserSession session =
        sessions.find(workspaceId, sessionId).orElseThrow(() -> new NotFoundException("Session"));
    sessions.signOut(workspaceId, sessionId);
    auditLog.record(
        operatorAction(
            workspaceId,
            "session.revoked",
            session.applicationId(),
            session.id(),
            "session:" + session.id(),
            null));
  }

  /** Signs out every session of the user; returns how many there were. */
  public int revokeAllOf(UUID workspaceId, UUID userId) {
    callers.requireManage(workspaceId, "User");
    int revoked = sessions.signOutAllOf(workspaceId, userId);
    auditLog.record(
        operatorAction(
            workspaceId,
            "session.revoked_all",
            null,
            null,
            "user:" + userId + " sessions:" + revoked,
            null));
    return revoked;
  }

  /**
   * An operator reads a session's payload, giving a reason. The audit record (actor, session,
   * reason) is written before the payload is handed out; if it cannot be written, this throws and
   * returns nothing (fail closed). Empty when the session has no payload (still audited).
   */
  public Optional<byte[]> readPayload(UUID workspaceId, UUID sessionId, String reason) {
    String given = reason == null ? "" : reason.strip();
    if (given.isEmpty()) {
      throw InvalidInputException.of("reason", "is required: say why you read this payload");
    }
    if (given.length() > MAX_REASON_LENGTH) {
      throw InvalidInputException.of(
          "reason", "must be at most " + MAX_REASON_LENGTH + " characters");
    }
    callers.requireManage(workspaceId, "Session");
    UserSession session =
        sessions.find(workspaceId, sessionId).orElseThrow(() -> new NotFoundException("Session"));
    Optional<byte[]> content = payloads.read(workspaceId, sessionId).map(p -> p.content());
    auditLog.recordBeforeProceeding(
        operatorAction(
            workspaceId,
            "session.payload_read",
            session.applicationId(),
            session.id(),
            "session:" + session.id(),
            given));
    return content;
  }

  private AuditRecord operatorAction(
      UUID workspaceId,
      String action,
      UUID applicationId,
      UUID sessionId,
      String target,
      String reason) {
    return AuditRecord.byCaller(
        callers.require(), workspaceId, action, applicationId, sessionId, target, reason);
  }

  private static Instant instant(Object value) {
    return switch (value) {
      case null -> null;
      case Instant instant -> instant;
      case OffsetDateTime offset -> offset.toInstant();
      case java.sql.Timestamp timestamp -> timestamp.toInstant();
      default -> throw new IllegalStateException("not a timestamp: " + value.getClass());
    };
  }
}
