package io.secureflows.audit;

import io.secureflows.platform.tenancy.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A workspace's recent activity per minute, read from its access log (API calls, server errors) and
 * audit log (hosted-login sign-ins): what the console's dashboard charts. Both reads use the logs'
 * (workspace, time) indexes.
 */
@ApplicationScoped
@Transactional
public class ActivityStats {

  /** One minute of a workspace's activity. */
  public record Minute(
      Instant start, long apiCalls, long serverErrors, long signIns, long failedSignIns) {}

  @Inject CallerContext callers;

  @Inject Clock clock;

  @PersistenceContext EntityManager em;

  /** The last {@code minutes} whole minutes and the current one, oldest first, gaps as zeros. */
  public List<Minute> recent(UUID workspaceId, int minutes) {
    callers.requireVisible(workspaceId, "Workspace");
    Instant end = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
    Instant start = end.minus(minutes + 1L, ChronoUnit.MINUTES);
    Map<Instant, long[]> buckets = new LinkedHashMap<>();
    for (Instant m = start; m.isBefore(end); m = m.plus(1, ChronoUnit.MINUTES)) {
      buckets.put(m, new long[4]);
    }
    count(
        "select date_trunc('minute', occurred_at), count(*), count(*) filter (where status >= 500) "
            + "from access_log where workspace_id = :ws and occurred_at >= :start "
            + "group by 1",
        workspaceId,
        start,
        buckets,
        0);
    count(
        "select date_trunc('minute', occurred_at), "
            + "count(*) filter (where action in ('login.succeeded', 'login.resumed')), "
            + "count(*) filter (where action = 'login.failed') "
            + "from audit_event where workspace_id = :ws and occurred_at >= :start "
            + "and action like 'login.%' group by 1",
        workspaceId, start, buckets, 2);
    List<Minute> result = new ArrayList<>();
    buckets.forEach((m, c) -> result.add(new Minute(m, c[0], c[1], c[2], c[3])));
    return result;
  }

  private void count(
      String sql, UUID workspaceId, Instant start, Map<Instant, long[]> buckets, int offset) {
    List<?> rows =
        em.createNativeQuery(sql)
            .setParameter("ws", workspaceId)
            .setParameter("start", start.atOffset(ZoneOffset.UTC))
            .getResultList();
    for (Object row : rows) {
      Object[] columns = (Object[]) row;
      long[] bucket = buckets.get(instant(columns[0]));
      if (bucket != null) {
        bucket[offset] += ((Number) columns[1]).longValue();
        bucket[offset + 1] += ((Number) columns[2]).longValue();
      }
    }
  }

  private static Instant instant(Object value) {
    return switch (value) {
      case Instant instant -> instant;
      case OffsetDateTime offset -> offset.toInstant();
      case java.sql.Timestamp timestamp -> timestamp.toInstant();
      default -> throw new IllegalStateException("not a timestamp: " + value.getClass());
    };
  }
}
