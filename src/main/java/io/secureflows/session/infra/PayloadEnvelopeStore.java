package io.secureflows.session.infra;

import io.secureflows.crypto.EnvelopeStore;
import io.secureflows.session.domain.SessionPayload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The {@code session_payload} table for the key lifecycle, in plain SQL (batches of rows, never
 * entities).
 */
@ApplicationScoped
public class PayloadEnvelopeStore implements EnvelopeStore {
  private static final String FIRST_ID = "00000000-0000-0000-0000-000000000000";

  @PersistenceContext EntityManager em;

  @Override
  public Map<Integer, Long> countByKeyVersion(UUID workspaceId) {
    Map<Integer, Long> counts = new HashMap<>();
    List<?> rows =
        em.createNativeQuery(
                "select key_version, count(*) from session_payload where workspace_id = ?1 group by key_version")
            .setParameter(1, workspaceId)
            .getResultList();
    for (Object row : rows) {
      Object[] columns = (Object[]) row;
      counts.put(((Number) columns[0]).intValue(), ((Number) columns[1]).longValue());
    }
    return counts;
  }

  @Override
  public List<WrappedRow> lockRowsToRewrap(UUID workspaceId, Object afterRowId, int limit) {
    List<?> rows =
        em.createNativeQuery(
                "select p.session_id, p.workspace_id, p.key_version, p.wrapped_data_key, p.payload_version "
                    + "from session_payload p join workspace_key k "
                    + "on k.workspace_id = p.workspace_id and k.state = 'ACTIVE' "
                    + "where p.workspace_id = ?3 and p.key_version <> k.version "
                    + "and p.session_id > cast(?2 as uuid) "
                    + "order by p.session_id limit ?1 for update of p skip locked")
            .setParameter(1, limit)
            .setParameter(2, afterRowId == null ? FIRST_ID : afterRowId.toString())
            .setParameter(3, workspaceId)
            .getResultList();
    List<WrappedRow> batch = new ArrayList<>(rows.size());
    for (Object row : rows) {
      Object[] c = (Object[]) row;
      UUID sessionId = (UUID) c[0];
      batch.add(
          new WrappedRow(
              sessionId,
              (UUID) c[1],
              ((Number) c[2]).intValue(),
              (byte[]) c[3],
              SessionPayload.binding(sessionId, ((Number) c[4]).longValue())));
    }
    return batch;
  }

  @Override
  public void updateWrapping(List<RewrappedRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement update =
                  connection.prepareStatement(
                      "update session_payload set wrapped_data_key = ?, key_version = ? where session_id = ?")) {
                for (RewrappedRow row : rows) {
                  update.setBytes(1, row.wrappedDataKey());
                  update.setInt(2, row.keyVersion());
                  update.setObject(3, row.rowId());
                  update.addBatch();
                }
                update.executeBatch();
              }
            });
  }
}
