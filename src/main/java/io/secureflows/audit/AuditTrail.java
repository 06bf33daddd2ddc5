package io.secureflows.audit;

import io.secureflows.platform.tenancy.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * What operators read of the logs of one workspace: pages, streamed exports and the audit chain's
 * verification. Auditors may do all of it; it changes nothing.
 */
@ApplicationScoped
@Transactional
public class AuditTrail {

  @Inject CallerContext callers;

  @Inject LogReader reader;

  @Inject AuditChainStore chains;

  @Inject Clock clock;

  /** Fails (404) unless the caller may read this workspace's logs. */
  public void requireReadable(UUID workspaceId) {
    callers.requireVisible(workspaceId, "Workspace");
  }

  public LogReader.Page page(LogTable table, UUID workspaceId, LogQuery query) {
    callers.requireVisible(workspaceId, "Workspace");
    return reader.page(table, workspaceId, query);
  }

  /** Streams every matching row, oldest first, in this transaction. */
  public void export(LogTable table, UUID workspaceId, LogQuery query, LogReader.RowSink sink) {
    callers.requireVisible(workspaceId, "Workspace");
    reader.stream(table, workspaceId, query, sink);
  }

  public AuditChainStore.Verification verify(UUID workspaceId) {
    callers.requireVisible(workspaceId, "Workspace");
    return chains.verify(Optional.of(workspaceId), clock.instant());
  }

  /**
   * Walks the platform's chain (records of no workspace, such as signing-key rotations); platform
   * operators only. Runs inside no workspace.
   */
  public AuditChainStore.Verification verifyPlatform() {
    callers.requirePlatformOperator();
    return chains.verify(Optional.empty(), clock.instant());
  }
}
