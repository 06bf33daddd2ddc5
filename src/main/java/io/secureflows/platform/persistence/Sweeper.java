package io.secureflows.platform.persistence;

import io.secureflows.platform.tenancy.WorkspaceScopes;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs every {@link Janitor} every five seconds on every node (a non-persistent timer: Payara Micro
 * has no persistent ones). Discovery reads only the ids of workspaces with due rows, through the
 * tables' {@code sweep_discovery} policies; the clean-up then runs inside each workspace in batches
 * of {@link #BATCH} rows, one transaction each, taking rows with {@code FOR UPDATE SKIP LOCKED}, so
 * two nodes sweeping at once clean every row exactly once and a batch never holds locks for long. A
 * run on a node that is still busy is skipped.
 */
@Singleton
// Bean-managed: its work starts its own transactions; a container NOT_SUPPORTED context would keep
// their connections out of them.
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Sweeper {
  static final int BATCH = 200;
  private static final Logger LOG = Logger.getLogger(Sweeper.class.getName());

  private final AtomicBoolean running = new AtomicBoolean();
  private final Map<Class<?>, Instant> lastRuns = new ConcurrentHashMap<>();

  @Inject @Any Instance<Janitor> janitors;

  @Inject SweepDiscovery discovery;

  @Inject WorkspaceScopes scopes;

  @Inject Clock clock;

  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  void run() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      sweepOnce(false);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The sweep stopped; the next run resumes", e);
    } finally {
      running.set(false);
    }
  }

  /**
   * One pass over every janitor (with {@code everyJanitor}, also those whose interval has not
   * passed) and every workspace with due rows; returns the rows cleaned.
   */
  public long sweepOnce(boolean everyJanitor) {
    Instant now = clock.instant();
    long cleaned = 0;
    for (Janitor janitor : janitors) {
      Instant last = lastRuns.get(janitor.getClass());
      if (!everyJanitor && last != null && now.isBefore(last.plus(janitor.interval()))) {
        continue;
      }
      lastRuns.put(janitor.getClass(), now);
      scopes.callOutsideWorkspaces(
          () -> {
            janitor.sweepPlatform(now);
            return null;
          });
      Set<UUID> due =
          new LinkedHashSet<>(
              scopes.callOutsideWorkspaces(() -> discovery.workspacesDue(janitor, now)));
      for (UUID workspace : due) {
        int batch;
        do {
          batch = scopes.call(workspace, () -> janitor.sweep(workspace, now, BATCH));
          cleaned += batch;
        } while (batch == BATCH);
      }
    }
    return cleaned;
  }
}
