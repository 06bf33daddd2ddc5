package io.secureflows.platform.error;

import java.util.UUID;

/**
 * A caller named a workspace outside its scope. It answers exactly like a missing object (404); the
 * access log's interceptor records it as a denied access.
 */
public class OutOfScopeException extends NotFoundException {
  private static final long serialVersionUID = 1L;
  private final UUID requestedWorkspace;

  public OutOfScopeException(UUID requestedWorkspace) {
    super("Workspace");
    this.requestedWorkspace = requestedWorkspace;
  }

  public UUID requestedWorkspace() {
    return requestedWorkspace;
  }
}
