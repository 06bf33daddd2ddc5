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
}
