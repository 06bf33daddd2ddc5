package io.secureflows.audit;

import io.secureflows.audit.domain.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Appends security events in the caller's transaction: the event is recorded if and only if what it
 * describes is committed, and if the record cannot be written the caller's work rolls back with it
 * (fail closed).
 */
@ApplicationScoped
public class AuditLog {

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(AuditRecord record) {
    em.persist(new AuditEvent(record, clock.instant()));
  }

  /**
   * Records and writes at once, for actions that must not happen unrecorded (an admin payload
   * read): if the row cannot be written this throws, before the caller hands anything out.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordBeforeProceeding(AuditRecord record) {
    em.persist(new AuditEvent(record, clock.instant()));
    em.flush();
  }

  /**
   * Records in a transaction of its own, for events about work that fails and rolls back (a denied
   * access, a payload that does not decrypt): the record must survive the failure it describes.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void recordAlone(AuditRecord record) {
    em.persist(new AuditEvent(record, clock.instant()));
  }
}
