package io.secureflows.crypto;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A table of envelopes, as the key lifecycle sees it: how many rows each key version protects, and
 * batches of rows to rewrap. The concern that owns the table implements it; crypto never names
 * another concern's table.
 */
public interface EnvelopeStore {

  /** Rows per key version of a workspace. */
  Map<Integer, Long> countByKeyVersion(UUID workspaceId);

  /**
   * Locks up to {@code limit} rows of the workspace the caller entered whose key version is not the
   * workspace's active version, in row-id order after {@code afterRowId} (null: from the start),
   * skipping rows other transactions hold ({@code FOR UPDATE SKIP LOCKED}), so that two nodes never
   * take the same row. Must run inside the caller's transaction.
   */
  List<WrappedRow> lockRowsToRewrap(UUID workspaceId, Object afterRowId, int limit);

  /** Stores a row's data key rewrapped under another key version, in the caller's transaction. */
  void updateWrapping(List<RewrappedRow> rows);

  /** A row whose data key is wrapped under an old version. */
  record WrappedRow(
      Object rowId, UUID workspaceId, int keyVersion, byte[] wrappedDataKey, String binding) {}

  /** The same row, rewrapped. */
  record RewrappedRow(Object rowId, int keyVersion, byte[] wrappedDataKey) {}
}
