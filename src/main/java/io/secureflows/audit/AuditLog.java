package io.secureflows.audit;

import io.secureflows.audit.domain.AuditEvent;
import io.secureflows.platform.web.Correlation;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/**
 * Appends security events in the caller's transaction: the event is recorded if and only if what it
 * describes is committed, and if the record cannot be written the caller's work rolls back with it
 * (fail closed).
 */
@ApplicationScoped
public class AuditLog {

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject Instance<Correlation> correlation;

  @Inject AuditChains chains;

  @Resource TransactionSynchronizationRegistry transactions;

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(AuditRecord record) {
    write(record);
  }

  /**
   * Records and writes at once, for actions that must not happen unrecorded (an admin payload
   * read): if the row cannot be written this throws, before the caller hands anything out.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordBeforeProceeding(AuditRecord record) {
    write(record);
    em.flush();
  }

  /**
   * Records in a transaction of its own, for events about work that fails and rolls back (a denied
   * access, a payload that does not decrypt): the record must survive the failure it describes.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void recordAlone(AuditRecord record) {
    write(record);
  }

  private void write(AuditRecord record) {
    em.persist(new AuditEvent(record, clock.instant(), correlationId()));
    // Only a committed record can be sealed; a chain marked before would wait for the hourly pass.
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              chains.touched(record.workspaceId());
            }
          }
        });
  }

  /** The request's correlation id; work outside a request (timers) gets one per record. */
  private String correlationId() {
    try {
      return correlation.get().id();
    } catch (ContextNotActiveException outsideARequest) {
      return UUID.randomUUID().toString();
    }
  }
}
