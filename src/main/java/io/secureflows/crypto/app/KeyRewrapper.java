package io.secureflows.crypto.app;

import io.secureflows.crypto.EnvelopeStore;
import io.secureflows.platform.tenancy.WorkspaceScopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;

/**
 * Moves data keys from old workspace key versions to the active one, workspace by workspace (each
 * batch confined to its workspace), walking each envelope store in row-id order, one batch per
 * transaction. Rows are taken with {@code FOR UPDATE SKIP LOCKED}, so two nodes never process the
 * same row and a writer is never blocked for longer than one batch. A crash loses at most the batch
 * in flight, whose transaction rolls back; the next run starts again from the beginning and finds
 * only what is left.
 */
@ApplicationScoped
public class KeyRewrapper {

  @Inject KeyRewrapBatch batch;

  @Inject KeyRing keyRing;

  @Inject WorkspaceScopes scopes;

  @Inject @Any Instance<EnvelopeStore> stores;

  /** What a run did. */
  public record Totals(long moved, long skipped, long millis) {}

  /** Rewraps until every store has been walked once or the budget is spent. */
  public Totals rewrapAll(Duration budget) {
    long started = System.nanoTime();
    long moved = 0;
    long skipped = 0;
    for (UUID workspace : keyRing.workspacesWithDecryptOnlyVersions()) {
      for (EnvelopeStore store : stores) {
        Object after = null;
        KeyRewrapBatch.Result result;
        do {
          Object from = after;
          result = scopes.call(workspace, () -> batch.run(store, workspace, from));
          moved += result.moved();
          skipped += result.skipped();
          after = result.last();
        } while (after != null && System.nanoTime() - started < budget.toNanos());
      }
      if (System.nanoTime() - started >= budget.toNanos()) {
        break;
      }
    }
    return new Totals(moved, skipped, (System.nanoTime() - started) / 1_000_000);
  }
}
