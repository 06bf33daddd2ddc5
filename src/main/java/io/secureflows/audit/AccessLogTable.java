package io.secureflows.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/** The {@code access_log} table: appends a batch of records in one JDBC batch. */
@ApplicationScoped
public class AccessLogTable {

  @PersistenceContext EntityManager em;

  @Transactional(Transactional.TxType.MANDATORY)
  public void append(List<AccessRecord> batch) {
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement insert =
                  connection.prepareStatement(
                      "insert into access_log (occurred_at, workspace_id, actor_type, actor_id, "
                          + "method, route, status, latency_micros, application_id, session_id, "
                          + "correlation_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AccessRecord r : batch) {
                  insert.setTimestamp(1, Timestamp.from(r.occurredAt()));
                  uuid(insert, 2, r.workspaceId());
                  insert.setString(3, r.actorType().name());
                  insert.setString(4, r.actorId());
                  insert.setString(5, r.method());
                  insert.setString(6, r.route());
                  insert.setInt(7, r.status());
                  insert.setLong(8, r.latencyMicros());
                  uuid(insert, 9, r.applicationId());
                  uuid(insert, 10, r.sessionId());
                  insert.setString(11, r.correlationId());
                  insert.addBatch();
                }
                insert.executeBatch();
              }
            });
  }

  private static void uuid(PreparedStatement statement, int index, UUID value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.OTHER);
    } else {
      statement.setObject(index, value);
    }
  }
}
