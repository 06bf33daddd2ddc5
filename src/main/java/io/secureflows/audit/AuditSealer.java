package io.secureflows.audit;

import io.secureflows.platform.tenancy.WorkspaceScopes;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Seals audit records within seconds of their insert, so the write path stays a plain INSERT: every
 * second the chains this node wrote to, and every hour (and at the first run) every chain, so that
 * records a stopped node left unsealed are sealed by another. Chains are sealed one at a time under
 * an advisory lock, so two nodes never number the same chain twice.
 */
@Singleton
// Bean-managed: its work starts its own transactions; a container NOT_SUPPORTED context would keep
// their connections out of them.
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AuditSealer {
  private static final Logger LOG = Logger.getLogger(AuditSealer.class.getName());
  private static final Duration FULL_PASS = Duration.ofHours(1);

  /** The fast path looks back this far for records that committed late. */
  private static final Duration LOOK_BACK = Duration.ofMinutes(10);

  private final AtomicBoolean running = new AtomicBoolean();
  private volatile Instant lastFullPass;

  @Inject AuditChains chains;

  @Inject AuditChainStore store;

  @Inject WorkspaceScopes scopes;

  @Inject WorkspaceRegistryReader registry;

  @Inject Clock clock;

  @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
  void run() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      Instant now = clock.instant();
      if (lastFullPass == null || now.isAfter(lastFullPass.plus(FULL_PASS))) {
        lastFullPass = now;
        sealAll(now);
      } else {
        for (Optional<UUID> chain : chains.takeTouched()) {
          seal(chain, Optional.of(now.minus(LOOK_BACK)), now);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Audit sealing stopped; the next run resumes", e);
    } finally {
      running.set(false);
    }
  }

  /** Seals every chain completely; returns the records sealed. */
  public long sealAll(Instant now) {
    long sealed = seal(Optional.empty(), Optional.empty(), now);
    for (UUID workspace : scopes.callOutsideWorkspaces(registry::workspaceIds)) {
      sealed += seal(Optional.of(workspace), Optional.empty(), now);
    }
    return sealed;
  }

  /** Seals one chain until nothing is left; returns the records sealed. */
  public long seal(Optional<UUID> chain, Optional<Instant> since, Instant now) {
    long sealed = 0;
    int batch;
    do {
      batch =
          chain.isPresent()
              ? scopes.call(chain.get(), () -> store.seal(chain, since, now))
              : scopes.callOutsideWorkspaces(() -> store.seal(Optional.empty(), since, now));
      sealed += batch;
    } while (batch == AuditChainStore.SEAL_BATCH);
    return sealed;
  }
}
