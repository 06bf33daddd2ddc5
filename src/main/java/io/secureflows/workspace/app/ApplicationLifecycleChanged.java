package io.secureflows.workspace.app;

import java.util.UUID;

/**
 * An application's session lifecycle changed (fired synchronously, inside the transaction that
 * changed it): its existing sessions take the new policy at once.
 */
public record ApplicationLifecycleChanged(
    UUID workspaceId,
    UUID applicationId,
    int sessionIdleTtlSeconds,
    int sessionMaxTtlSeconds,
    int sessionGraceSeconds) {}
