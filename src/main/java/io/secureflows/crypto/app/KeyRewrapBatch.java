package io.secureflows.crypto.app;

import io.secureflows.crypto.EnvelopeStore;
import io.secureflows.crypto.EnvelopeStore.RewrappedRow;
import io.secureflows.crypto.EnvelopeStore.WrappedRow;
import io.secureflows.crypto.infra.AesGcm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * One rewrap batch in the caller's transaction, inside one workspace: lock rows, unwrap each data
 * key with its old version, wrap it with the active one, store. Content is never decrypted. A row
 * whose data key does not unwrap (tampered) is skipped and logged by id; it stays on its version,
 * which therefore cannot be retired until an operator deals with it.
 */
@ApplicationScoped
public class KeyRewrapBatch {
  static final int SIZE = 500;
  private static final Logger LOG = Logger.getLogger(KeyRewrapBatch.class.getName());

  @Inject KeyRing keyRing;

  @Inject EnvelopeCipher cipher;

  /**
   * What one batch did; {@code last} is where the next batch starts (null when there were no rows).
   */
  public record Result(int moved, int skipped, Object last) {}

  @Transactional(Transactional.TxType.MANDATORY)
  public Result run(EnvelopeStore store, UUID workspaceId, Object after) {
    List<WrappedRow> rows = store.lockRowsToRewrap(workspaceId, after, SIZE);
    Map<UUID, KeyRing.UsableKey> active = new HashMap<>();
    Map<String, KeyRing.UsableKey> old = new HashMap<>();
    List<RewrappedRow> rewrapped = new ArrayList<>(rows.size());
    int skipped = 0;
    try {
      for (WrappedRow row : rows) {
        KeyRing.UsableKey to =
            active.computeIfAbsent(row.workspaceId(), keyRing::activeKeyForEncryption);
        KeyRing.UsableKey from =
            old.computeIfAbsent(
                row.workspaceId() + "/" + row.keyVersion(),
                k -> keyRing.keyForDecryption(row.workspaceId(), row.keyVersion()));
        try {
          rewrapped.add(
              new RewrappedRow(
                  row.rowId(),
                  to.version(),
                  cipher.rewrap(row.workspaceId(), row.binding(), row.wrappedDataKey(), from, to)));
        } catch (AesGcm.AuthenticationFailedException e) {
          skipped++;
          LOG.warning(
              "Rewrap skipped record "
                  + row.rowId()
                  + " of workspace "
                  + row.workspaceId()
                  + ": its data key does not unwrap with key version "
                  + row.keyVersion());
        }
      }
      store.updateWrapping(rewrapped);
    } finally {
      active.values().forEach(k -> Arrays.fill(k.key(), (byte) 0));
      old.values().forEach(k -> Arrays.fill(k.key(), (byte) 0));
    }
    return new Result(
        rewrapped.size(), skipped, rows.isEmpty() ? null : rows.get(rows.size() - 1).rowId());
  }
}
