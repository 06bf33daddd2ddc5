package io.secureflows.platform.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A concern's clean-up of rows that are due (expired sessions, spent codes, …), run by the {@link
 * Sweeper} one workspace at a time.
 */
public interface Janitor {

  /**
   * SQL selecting {@code workspace_id} of the rows due at the transaction's {@code sf.sweep_before}
   * (the table's {@code sweep_discovery} policy shows exactly those rows, in every workspace).
   */
  String dueWorkspacesQuery();

  /**
   * Cleans up to {@code limit} due rows of the workspace the caller entered, in the caller's
   * transaction, and records what it did; returns how many rows it cleaned.
   */
  int sweep(UUID workspaceId, Instant now, int limit);

  /** How often this clean-up needs to run at most (the sweeper runs every five seconds). */
  default Duration interval() {
    return Duration.ZERO;
  }

  /**
   * Cleans what belongs to no workspace, in the caller's transaction (which entered no workspace);
   * most janitors have nothing.
   */
  default void sweepPlatform(Instant now) {}
}
