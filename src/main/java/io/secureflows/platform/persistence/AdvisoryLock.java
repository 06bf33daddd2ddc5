package io.secureflows.platform.persistence;

import jakarta.persistence.EntityManager;

/**
 * PostgreSQL transaction-level advisory locks: how nodes that start together (or timers that fire
 * together) take turns on one piece of work. The lock is released when the caller's transaction
 * ends.
 */
public final class AdvisoryLock {
  private AdvisoryLock() {}

  /** Waits until this transaction holds the lock {@code id}. */
  public static void acquireForTransaction(EntityManager em, long id) {
    em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, id).getSingleResult();
  }
}
