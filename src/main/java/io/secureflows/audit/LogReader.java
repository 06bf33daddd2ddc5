package io.secureflows.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Reads the audit log and the access log of the workspace the caller entered: keyset pages newest
 * first, and a forward-only stream for exports that holds one row at a time (a database cursor of
 * {@link #FETCH} rows), however many there are.
 */
@ApplicationScoped
public class LogReader {
  static final int FETCH = 1_000;

  @PersistenceContext EntityManager em;

  /** One row: column name to value (text, number or null), in the table's column order. */
  public interface RowSink {
    void accept(Map<String, Object> row) throws Exception;
  }

  /** A page and where the next one starts (null after the last). */
  public record Page(List<Map<String, Object>> rows, LogQuery.Cursor next) {}

  @Transactional(Transactional.TxType.MANDATORY)
  public Page page(LogTable table, UUID workspaceId, LogQuery query) {
    List<Map<String, Object>> rows = new ArrayList<>();
    read(table, workspaceId, query, true, rows::add);
    LogQuery.Cursor next = null;
    if (rows.size() > query.limit()) {
      rows = new ArrayList<>(rows.subList(0, query.limit()));
      Map<String, Object> last = rows.get(rows.size() - 1);
      next =
          new LogQuery.Cursor(
              OffsetDateTime.parse((String) last.get("occurredAt")).toInstant(),
              (String) last.get("id"));
    }
    return new Page(rows, next);
  }

  /** Every matching row, oldest first, one at a time. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void stream(LogTable table, UUID workspaceId, LogQuery query, RowSink sink) {
    read(table, workspaceId, query, false, sink);
  }

  private void read(LogTable table, UUID workspaceId, LogQuery query, boolean page, RowSink sink) {
    List<Object> parameters = new ArrayList<>();
    StringBuilder sql = new StringBuilder("select ");
    for (int i = 0; i < table.columns.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(table.columns.get(i).sql());
    }
    sql.append(" from ").append(table.from).append(" where e.workspace_id = ?");
    parameters.add(workspaceId);
    condition(sql, parameters, "e.occurred_at >= ?", timestamp(query.from()));
    condition(sql, parameters, "e.occurred_at < ?", timestamp(query.to()));
    condition(sql, parameters, "e.actor_id = ?", query.actor());
    condition(sql, parameters, "e.session_id = ?", query.sessionId());
    condition(sql, parameters, "e.application_id = ?", query.applicationId());
    if (table == LogTable.AUDIT) {
      condition(sql, parameters, "e.action = ?", query.action());
    } else {
      condition(sql, parameters, "e.route = ?", query.route());
      condition(sql, parameters, "e.status = ?", query.status());
    }
    if (page && query.after() != null) {
      sql.append(" and (e.occurred_at, e.id) < (?, cast(? as ").append(table.idType).append("))");
      parameters.add(timestamp(query.after().occurredAt()));
      parameters.add(query.after().id());
    }
    sql.append(page ? " order by e.occurred_at desc, e.id desc" : " order by e.occurred_at, e.id");
    if (page) {
      sql.append(" limit ").append(query.limit() + 1);
    }
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                  statement.setObject(i + 1, parameters.get(i));
                }
                statement.setFetchSize(FETCH);
                try (ResultSet r = statement.executeQuery()) {
                  while (r.next()) {
                    sink.accept(row(table, r));
                  }
                }
              } catch (SQLException e) {
                throw e;
              } catch (Exception e) {
                throw new LogWriteFailedException(e);
              }
            });
  }

  /** The export's receiver failed (the client went away); the read stops. */
  public static final class LogWriteFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LogWriteFailedException(Exception cause) {
      super(cause);
    }
  }

  private static Map<String, Object> row(LogTable table, ResultSet r) throws SQLException {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < table.columns.size(); i++) {
      LogTable.Column column = table.columns.get(i);
      Object value =
          switch (column.kind()) {
            case TEXT -> r.getString(i + 1);
            case NUMBER -> (Number) r.getObject(i + 1);
            case TIME -> {
              OffsetDateTime time = r.getObject(i + 1, OffsetDateTime.class);
              yield time == null ? null : time.toInstant().toString();
            }
            case HEX -> {
              byte[] bytes = r.getBytes(i + 1);
              yield bytes == null ? null : HexFormat.of().formatHex(bytes);
            }
          };
      row.put(column.name(), value);
    }
    return row;
  }

  private static void condition(
      StringBuilder sql, List<Object> parameters, String condition, Object value) {
    if (value != null) {
      sql.append(" and ").append(condition);
      parameters.add(value);
    }
  }

  private static Timestamp timestamp(java.time.Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
