package io.secureflows.platform.tenancy;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An authenticated operator-side caller: an API key or a console account.
 *
 * @param kind what authenticated ({@code api-key} or {@code operator})
 * @param id the key's or account's id, recorded as the actor of what it does
 * @param role what it may do
 * @param workspaceId the one workspace it is confined to, or empty for platform-wide callers
 */
public record Caller(String kind, UUID id, OperatorRole role, Optional<UUID> workspaceId) {

  public Caller {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(id);
    Objects.requireNonNull(role);
    Objects.requireNonNull(workspaceId);
    if (role == OperatorRole.PLATFORM_OPERATOR && workspaceId.isPresent()) {
      throw new IllegalArgumentException("a platform operator is not confined to a workspace");
    }
    if (role == OperatorRole.WORKSPACE_ADMIN && workspaceId.isEmpty()) {
      throw new IllegalArgumentException("a workspace admin is confined to one workspace");
    }
  }

  /** Whether this caller may see the given workspace at all. */
  public boolean canSee(UUID workspace) {
    return workspaceId.map(workspace::equals).orElse(true);
  }

  public boolean isPlatformWide() {
    return workspaceId.isEmpty();
  }
}
