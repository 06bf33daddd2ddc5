package io.secureflows.platform.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Work that the platform itself does inside one workspace (start-up bootstraps, timers, hosted
 * login once the client is known): each call runs in a new transaction confined to that workspace.
 * Jobs that touch several workspaces call this once per workspace; there is no way to see two at
 * once.
 */
@ApplicationScoped
public class WorkspaceScopes {

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public <T> T call(UUID workspaceId, Supplier<T> work) {
    return WorkspaceScope.call(workspaceId, work);
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void run(UUID workspaceId, Runnable work) {
    WorkspaceScope.call(
        workspaceId,
        () -> {
          work.run();
          return null;
        });
  }
}
