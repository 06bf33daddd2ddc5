package io.secureflows.workspace.api;

import io.secureflows.workspace.domain.Workspace;
import java.time.Instant;

/** A workspace as the admin API shows it. */
public record WorkspaceView(String id, String name, Instant createdAt, Instant updatedAt) {
  static WorkspaceView of(Workspace workspace) {
    return new WorkspaceView(
        workspace.id().toString(), workspace.name(), workspace.createdAt(), workspace.updatedAt());
  }
}
