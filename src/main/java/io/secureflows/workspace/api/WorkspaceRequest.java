package io.secureflows.workspace.api;

/**
 * Body of workspace creation and rename. Unknown fields (an id, say) are ignored, never trusted.
 */
public record WorkspaceRequest(String name) {}
