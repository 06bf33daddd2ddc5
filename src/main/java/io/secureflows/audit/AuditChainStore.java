package io.secureflows.audit;

import io.secureflows.audit.domain.AuditEvent;
import io.secureflows.crypto.HashChain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The audit hash chains in the database: sealing appends {@code audit_seal} rows that link each
 * record to the one before (per workspace, and one chain for platform events); verification walks a
 * chain and names the first record that does not match. Both run in the caller's transaction,
 * inside the chain's workspace (or none, for the platform chain).
 */
@ApplicationScoped
public class AuditChainStore {
  /** Records sealed per transaction at most. */
  static final int SEAL_BATCH = 1_000;

  /** Records younger than this are not yet reported as unsealed (the sealer runs every second). */
  static final Duration SEAL_DELAY = Duration.ofMinutes(1);

  private static final String COLUMNS =
      "e.id, e.occurred_at, e.workspace_id, e.actor_type, e.actor_id, e.action, e.outcome, "
          + "e.application_id, e.session_id, e.target, e.client_address, e.reason, e.correlation_id";

  @PersistenceContext EntityManager em;

  /** What a verification found: every seal checked, or the first that failed and why. */
  public record Verification(
      boolean intact,
      long checked,
      long unsealed,
      Long brokenSeq,
      UUID brokenEvent,
      String problem) {}

  /**
   * Seals the chain's unsealed records, oldest first; returns how many. With {@code since}, only
   * records written after it are looked at (the fast path); without, all of them.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int seal(Optional<UUID> workspace, Optional<Instant> since, Instant now) {
    return em.unwrap(Session.class)
        .doReturningWork(
            connection -> {
              lockChain(connection, workspace);
              long seq = 0;
              byte[] previous = HashChain.GENESIS;
              try (PreparedStatement head =
                  connection.prepareStatement(
                      "select seq, hash from audit_seal where "
                          + chainCondition("workspace_id", workspace)
                          + " order by seq desc limit 1")) {
                bindChain(head, 1, workspace);
                try (ResultSet r = head.executeQuery()) {
                  if (r.next()) {
                    seq = r.getLong(1);
                    previous = r.getBytes(2);
                  } else {
                    Anchor anchor = anchor(connection, workspace);
                    seq = anchor.seq();
                    previous = anchor.hash();
                  }
                }
              }
              List<UUID> ids = new ArrayList<>();
              List<byte[]> links = new ArrayList<>();
              byte[] head = previous;
              try (PreparedStatement unsealed =
                  connection.prepareStatement(
                      "select "
                          + COLUMNS
                          + " from audit_event e where "
                          + chainCondition("e.workspace_id", workspace)
                          + (since.isPresent() ? " and e.occurred_at >= ?" : "")
                          + " and not exists (select 1 from audit_seal s where s.event_id = e.id)"
                          + " order by e.occurred_at, e.id limit "
                          + SEAL_BATCH)) {
                int next = bindChain(unsealed, 1, workspace);
                if (since.isPresent()) {
                  unsealed.setTimestamp(next, Timestamp.from(since.get()));
                }
                try (ResultSet r = unsealed.executeQuery()) {
                  while (r.next()) {
                    previous = HashChain.link(previous, contentDigest(r));
                    ids.add(r.getObject(1, UUID.class));
                    links.add(previous);
                  }
                }
              }
              insertSeals(connection, workspace, seq, head, ids, links, now);
              return ids.size();
            });
  }

  private static void insertSeals(
      Connection connection,
      Optional<UUID> workspace,
      long lastSeq,
      byte[] head,
      List<UUID> ids,
      List<byte[]> links,
      Instant now)
      throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into audit_seal (event_id, workspace_id, seq, prev_hash, hash, sealed_at) "
                + "values (?, ?, ?, ?, ?, ?)")) {
      byte[] previous = head;
      for (int i = 0; i < ids.size(); i++) {
        insert.setObject(1, ids.get(i));
        insert.setObject(2, workspace.orElse(null), java.sql.Types.OTHER);
        insert.setLong(3, lastSeq + i + 1);
        insert.setBytes(4, previous);
        insert.setBytes(5, links.get(i));
        insert.setTimestamp(6, Timestamp.from(now));
        previous = links.get(i);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /**
   * Walks the chain in seal order and recomputes every link from the records as they are now. The
   * first seal whose record is missing or changed, whose link does not follow the one before, or
   * whose number skips one, is reported; records older than a minute that no seal covers are
   * counted as unsealed.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Verification verify(Optional<UUID> workspace, Instant now) {
    return em.unwrap(Session.class)
        .doReturningWork(
            connection -> {
              Anchor anchor = anchor(connection, workspace);
              long checked = 0;
              long expected = anchor.seq() + 1;
              byte[] previous = anchor.hash();
              try (PreparedStatement walk =
                  connection.prepareStatement(
                      "select s.seq, s.event_id, s.prev_hash, s.hash, "
                          + COLUMNS
                          + " from audit_seal s left join audit_event e on e.id = s.event_id where "
                          + chainCondition("s.workspace_id", workspace)
                          + " order by s.seq")) {
                bindChain(walk, 1, workspace);
                walk.setFetchSize(1_000);
                try (ResultSet r = walk.executeQuery()) {
                  while (r.next()) {
                    long seq = r.getLong(1);
                    UUID event = r.getObject(2, UUID.class);
                    String problem = null;
                    if (seq != expected) {
                      problem = "a seal is missing before this one";
                    } else if (!HashChain.same(previous, r.getBytes(3))) {
                      problem = "the seal does not follow the one before";
                    } else if (r.getObject(5) == null) {
                      problem = "the record was deleted";
                    } else if (!HashChain.same(
                        HashChain.link(previous, contentDigest(r, 5)), r.getBytes(4))) {
                      problem = "the record was changed after it was sealed";
                    }
                    if (problem != null) {
                      return new Verification(false, checked, 0, seq, event, problem);
                    }
                    previous = r.getBytes(4);
                    checked++;
                    expected++;
                  }
                }
              }
              long unsealed;
              try (PreparedStatement count =
                  connection.prepareStatement(
                      "select count(*) from audit_event e where "
                          + chainCondition("e.workspace_id", workspace)
                          + " and e.occurred_at < ?"
                          + " and not exists (select 1 from audit_seal s where s.event_id = e.id)")) {
                int next = bindChain(count, 1, workspace);
                count.setTimestamp(next, Timestamp.from(now.minus(SEAL_DELAY)));
                try (ResultSet r = count.executeQuery()) {
                  r.next();
                  unsealed = r.getLong(1);
                }
              }
              return new Verification(unsealed == 0, checked, unsealed, null, null, null);
            });
  }

  /** The content digest of the record in the row's first thirteen columns ({@link #COLUMNS}). */
  static byte[] contentDigest(ResultSet r) throws SQLException {
    return contentDigest(r, 1);
  }

  static byte[] contentDigest(ResultSet r, int first) throws SQLException {
    return HashChain.contentDigest(
        AuditEvent.canonicalFields(
            r.getObject(first, UUID.class),
            r.getObject(first + 1, OffsetDateTime.class).toInstant(),
            r.getObject(first + 2, UUID.class),
            r.getString(first + 3),
            r.getString(first + 4),
            r.getString(first + 5),
            r.getString(first + 6),
            r.getObject(first + 7, UUID.class),
            r.getObject(first + 8, UUID.class),
            r.getString(first + 9),
            r.getString(first + 10),
            r.getString(first + 11),
            r.getString(first + 12)));
  }

  /** Where the chain starts: after the seal that retention removed last, or at the beginning. */
  private record Anchor(long seq, byte[] hash) {}

  private static Anchor anchor(Connection connection, Optional<UUID> workspace)
      throws SQLException {
    if (workspace.isEmpty()) {
      return new Anchor(0, HashChain.GENESIS);
    }
    try (PreparedStatement read =
        connection.prepareStatement(
            "select seq, hash from audit_chain_anchor where workspace_id = ?")) {
      read.setObject(1, workspace.get());
      try (ResultSet r = read.executeQuery()) {
        return r.next()
            ? new Anchor(r.getLong(1), r.getBytes(2))
            : new Anchor(0, HashChain.GENESIS);
      }
    }
  }

  /**
   * Holds the chain's lock until the transaction ends, as sealing does (retention removes seals).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void lock(UUID workspace) {
    em.unwrap(Session.class).doWork(connection -> lockChain(connection, Optional.of(workspace)));
  }

  private static void lockChain(Connection connection, Optional<UUID> workspace)
      throws SQLException {
    long key =
        workspace.map(w -> w.getMostSignificantBits() ^ w.getLeastSignificantBits()).orElse(0L)
            ^ 0x5ecf_1005_a0d1_7000L;
    try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
      lock.setLong(1, key);
      lock.execute();
    }
  }

  private static String chainCondition(String column, Optional<UUID> workspace) {
    return workspace.isPresent() ? column + " = ?" : column + " is null";
  }

  /** Binds the chain's workspace, if any, at {@code index}; returns the next free index. */
  private static int bindChain(PreparedStatement statement, int index, Optional<UUID> workspace)
      throws SQLException {
    if (workspace.isPresent()) {
      statement.setObject(index, workspace.get());
      return index + 1;
    }
    return index;
  }
}
