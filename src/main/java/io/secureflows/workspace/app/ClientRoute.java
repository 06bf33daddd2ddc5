package io.secureflows.workspace.app;

import io.secureflows.platform.tenancy.WorkspaceBound;
import java.util.Objects;
import java.util.UUID;

/**
 * A public client id and the workspace it was found in: what hosted login and the token endpoint
 * know before they enter a workspace. Only {@link ApplicationService#route} makes one.
 */
public record ClientRoute(UUID workspaceId, String clientId) implements WorkspaceBound {
  public ClientRoute {
    Objects.requireNonNull(workspaceId);
    Objects.requireNonNull(clientId);
  }
}
