package io.secureflows.platform.tenancy;

import io.secureflows.platform.error.ForbiddenException;
import io.secureflows.platform.error.NotFoundException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * The operator-side caller of the current request, set once by the authentication mechanism (for
 * API keys: the API-key identity store). Every check a service makes about scope goes through here,
 * so the rule "another workspace answers 404" lives in one place.
 */
@RequestScoped
public class CallerContext {
  private Caller caller;

  public void authenticate(Caller authenticated) {
    if (caller != null && !caller.equals(authenticated)) {
      throw new IllegalStateException("the caller of a request is set once");
    }
    caller = authenticated;
  }

  public Optional<Caller> current() {
    return Optional.ofNullable(caller);
  }

  public Caller require() {
    if (caller == null) {
      throw new IllegalStateException("no authenticated caller in this request");
    }
    return caller;
  }

  /**
   * Fails with 404 unless the caller may see the workspace: out of scope and missing look the same.
   */
  public void requireVisible(UUID workspaceId, String what) {
    if (!require().canSee(workspaceId)) {
      throw new NotFoundException(what);
    }
  }

  /** Fails with 404 if out of scope, 403 if visible but the role may not change it. */
  public void requireManage(UUID workspaceId, String what) {
    requireVisible(workspaceId, what);
    if (require().role() == OperatorRole.AUDITOR) {
      throw new ForbiddenException("An auditor may not change anything");
    }
  }

  /** Fails with 403 unless the caller is a platform operator. */
  public void requirePlatformOperator() {
    if (require().role() != OperatorRole.PLATFORM_OPERATOR) {
      throw new ForbiddenException("Only a platform operator may do this");
    }
  }
}
