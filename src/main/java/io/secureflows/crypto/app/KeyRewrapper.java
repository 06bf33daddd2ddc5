package io.secureflows.crypto.app;

import io.secureflows.crypto.EnvelopeStore;
import io.secureflows.crypto.EnvelopeStore.RewrappedRow;
import io.secureflows.crypto.EnvelopeStore.WrappedRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Moves data keys from old workspace key versions to the active one, one batch per transaction.
 * Content is never decrypted: only the 32-byte data key is unwrapped and wrapped again. Rows are
 * taken with {@code FOR UPDATE SKIP LOCKED}, so two nodes never process the same row and a writer
 * is never blocked for longer than one batch.
 */
@ApplicationScoped
public class KeyRewrapper {
  static final int BATCH_SIZE = 500;

  @Inject KeyRing keyRing;

  @Inject EnvelopeCipher cipher;

  @Inject @Any Instance<EnvelopeStore> stores;

  /** Rewraps one batch from each store; returns how many rows moved (0 when nothing is left). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int rewrapBatch() {
    int moved = 0;
    for (EnvelopeStore store : stores) {
      List<WrappedRow> rows = store.lockRowsToRewrap(BATCH_SIZE);
      Map<UUID, KeyRing.UsableKey> active = new HashMap<>();
      Map<String, KeyRing.UsableKey> old = new HashMap<>();
      List<RewrappedRow> rewrapped = new ArrayList<>(rows.size());
      for (WrappedRow row : rows) {
        KeyRing.UsableKey to =
            active.computeIfAbsent(row.workspaceId(), keyRing::activeKeyForEncryption);
        KeyRing.UsableKey from =
            old.computeIfAbsent(
                row.workspaceId() + "/" + row.keyVersion(),
                k -> keyRing.keyForDecryption(row.workspaceId(), row.keyVersion()));
        rewrapped.add(
            new RewrappedRow(
                row.rowId(),
                to.version(),
                cipher.rewrap(row.workspaceId(), row.binding(), row.wrappedDataKey(), from, to)));
      }
      store.updateWrapping(rewrapped);
      active.values().forEach(k -> java.util.Arrays.fill(k.key(), (byte) 0));
      old.values().forEach(k -> java.util.Arrays.fill(k.key(), (byte) 0));
      moved += rows.size();
    }
    return moved;
  }
}
