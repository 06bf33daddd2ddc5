package io.secureflows.platform.tenancy;

import io.secureflows.platform.error.OutOfScopeException;
import io.secureflows.platform.error.ReauthenticationRequiredException;
import io.secureflows.platform.rest.PathIds;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.json.JsonString;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Enters the workspace of a {@link TenantScoped} call before any transaction begins (it runs ahead
 * of {@code @Transactional}), so the call's Hibernate sessions and database transactions are
 * confined to it. See {@link TenantScoped} for where the workspace comes from.
 */
@TenantScoped
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class TenantScopeInterceptor {
  /** Admin paths name their workspace in one place: {@code /api/v1/admin/workspaces/{id}/…}. */
  private static final Pattern ADMIN_WORKSPACE_PATH =
      Pattern.compile("^/api/v1/admin/workspaces/([^/]+)(?:/.*)?$");

  @Inject CallerContext callers;

  @Inject TenantContext tenant;

  @Inject Instance<SessionGate> sessionGate;

  @Inject Instance<HttpServletRequest> request;

  @Inject Instance<SecurityContext> security;

  @Resource TransactionSynchronizationRegistry transactions;

  @AroundInvoke
  Object enter(InvocationContext invocation) throws Exception {
    JsonWebToken token = null;
    UUID workspace = namedWorkspace(invocation);
    if (workspace == null) {
      token = sessionToken();
      workspace = token == null ? null : tokenWorkspace(token);
    }
    if (workspace == null
        || (WorkspaceScope.isEntered() && WorkspaceScope.current().equals(workspace))) {
      return invocation.proceed();
    }
    if (transactions.getTransactionKey() != null) {
      throw new IllegalStateException(
          "A workspace is entered before a transaction begins, never inside one: "
              + invocation.getMethod());
    }
    tenant.entered(workspace);
    JsonWebToken sessionToken = token;
    return WorkspaceScope.callChecked(
        workspace,
        () -> {
          if (sessionToken != null) {
            tenant.admit(sessionGate.get().admit(sessionToken, presenter()));
          }
          return invocation.proceed();
        });
  }

  /** The workspace an admin path or a {@link WorkspaceBound} argument names, checked. */
  private UUID namedWorkspace(InvocationContext invocation) {
    UUID fromPath = adminPathWorkspace();
    if (fromPath != null) {
      if (!callers.require().canSee(fromPath)) {
        throw new OutOfScopeException(fromPath);
      }
      return fromPath;
    }
    for (Object argument : invocation.getParameters()) {
      if (argument instanceof WorkspaceBound bound) {
        UUID named = bound.workspaceId();
        if (callers.current().map(caller -> !caller.canSee(named)).orElse(false)) {
          throw new OutOfScopeException(named);
        }
        return named;
      }
    }
    return null;
  }

  private SessionGate.Presenter presenter() {
    if (!request.isResolvable()) {
      return new SessionGate.Presenter(null, null);
    }
    HttpServletRequest http = request.get();
    return new SessionGate.Presenter(
        http.getHeader(SessionGate.CLIENT_ID_HEADER), http.getHeader("Origin"));
  }

  private UUID adminPathWorkspace() {
    if (!request.isResolvable() || callers.current().isEmpty()) {
      return null;
    }
    HttpServletRequest http = request.get();
    String path = http.getRequestURI().substring(http.getContextPath().length());
    Matcher matcher = ADMIN_WORKSPACE_PATH.matcher(path);
    if (!matcher.matches()) {
      return null;
    }
    return PathIds.parse(matcher.group(1), "Workspace");
  }

  /** The verified sessionToken of this request, if it carries one. */
  private JsonWebToken sessionToken() {
    if (!security.isResolvable()) {
      return null;
    }
    try {
      return security.get().getCallerPrincipal() instanceof JsonWebToken jwt
              && jwt.getClaim("sid") != null
          ? jwt
          : null;
    } catch (IllegalStateException notInARequest) {
      return null;
    }
  }

  private static UUID tokenWorkspace(JsonWebToken token) {
    Object claim = token.getClaim("wid");
    String value =
        claim instanceof JsonString json
            ? json.getString()
            : claim == null ? null : claim.toString();
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ReauthenticationRequiredException("The token does not name a session.");
    }
  }
}
