package io.secureflows.platform.tenancy;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Work that the platform itself does in a transaction of its own (timers, exports, test probes):
 * inside one workspace, or, for the few platform-wide steps (a sweep's discovery, the platform's
 * audit chain), inside none. Jobs that touch several workspaces call this once per workspace; there
 * is no way to see two at once.
 *
 * <p>An EJB with container-managed {@code REQUIRES_NEW}, not a CDI {@code @Transactional} bean: on
 * Payara, a transaction that a CDI interceptor begins inside an EJB timer's invocation does not
 * enlist the connections used in it, which then run in auto-commit and lose the transaction-local
 * workspace setting (docs/adr/0008).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WorkspaceScopes {

  public <T> T call(UUID workspaceId, Supplier<T> work) {
    return WorkspaceScope.call(workspaceId, work);
  }

  public void run(UUID workspaceId, Runnable work) {
    WorkspaceScope.call(
        workspaceId,
        () -> {
          work.run();
          return null;
        });
  }

  /**
   * Platform-wide work in its own transaction, inside no workspace: it sees no workspace's rows.
   */
  public <T> T callOutsideWorkspaces(Supplier<T> work) {
    if (WorkspaceScope.isEntered()) {
      throw new IllegalStateException("platform-wide work runs outside any workspace");
    }
    return work.get();
  }
}
