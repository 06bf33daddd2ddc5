package io.secureflows.crypto.app;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the rewrap every few seconds on every node (a non-persistent timer: Payara Micro has no
 * persistent ones). Nodes share the work through the database's row locks. A run takes batches
 * until nothing is left or its time budget is spent; a crash loses at most the batch in flight,
 * whose transaction rolls back, and the next run resumes.
 */
@Singleton
public class KeyRewrapJob {
  private static final Logger LOG = Logger.getLogger(KeyRewrapJob.class.getName());
  private static final Duration BUDGET = Duration.ofSeconds(20);

  private final AtomicBoolean running = new AtomicBoolean();

  @Inject KeyRewrapper rewrapper;

  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  void run() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    long started = System.nanoTime();
    long total = 0;
    try {
      int moved;
      do {
        moved = rewrapper.rewrapBatch();
        total += moved;
      } while (moved > 0 && System.nanoTime() - started < BUDGET.toNanos());
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "Key rewrap stopped after " + total + " rows; the next run resumes", e);
    } finally {
      running.set(false);
    }
    if (total > 0) {
      long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
      LOG.info(
          "Rewrapped "
              + total
              + " data keys in "
              + millis
              + " ms ("
              + total * 1000 / millis
              + " rows/s)");
    }
  }
}
