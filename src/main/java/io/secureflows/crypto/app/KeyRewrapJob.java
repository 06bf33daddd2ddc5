package io.secureflows.crypto.app;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the rewrap every five seconds on every node (a non-persistent timer: Payara Micro has no
 * persistent ones). Nodes share the work through the database's row locks; a run on a node that is
 * still busy is skipped.
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
    try {
      KeyRewrapper.Totals totals = rewrapper.rewrapAll(BUDGET);
      if (totals.moved() > 0 || totals.skipped() > 0) {
        LOG.info(
            "Rewrapped "
                + totals.moved()
                + " data keys in "
                + totals.millis()
                + " ms; skipped "
                + totals.skipped()
                + " that did not unwrap");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Key rewrap stopped; the next run resumes", e);
    } finally {
      running.set(false);
    }
  }
}
