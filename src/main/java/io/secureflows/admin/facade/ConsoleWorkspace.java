package io.secureflows.admin.facade;

import io.secureflows.platform.tenancy.WorkspaceBound;
import java.util.Objects;
import java.util.UUID;

/**
 * The workspace a console call acts in. As a {@link WorkspaceBound} argument it makes the tenant
 * interceptor check the operator's scope and enter the workspace before any transaction.
 */
public record ConsoleWorkspace(UUID id) implements WorkspaceBound {
  public ConsoleWorkspace {
    Objects.requireNonNull(id);
  }

  @Override
  public UUID workspaceId() {
    return id;
  }
}
