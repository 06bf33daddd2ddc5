package io.secureflows.audit;

import io.secureflows.platform.error.OutOfScopeException;
import io.secureflows.platform.tenancy.CallerContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names the route of every {@link Audited} call for the access log ({@link AccessLogFilter} writes
 * the record once the answer is complete), and records a call refused for naming a workspace
 * outside the caller's scope as a denied access in the audit log. Runs outside the tenant scope (a
 * lower priority), so it sees the refusals that scope raises.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 50)
public class AccessLogInterceptor {
  /** The request attribute under which the matched route template is left for the filter. */
  static final String ROUTE_ATTRIBUTE = AccessLogInterceptor.class.getName() + ".route";

  private static final Map<Method, String> ROUTES = new ConcurrentHashMap<>();

  @Inject AuditLog auditLog;

  @Inject CallerContext callers;

  @Inject Instance<HttpServletRequest> request;

  @AroundInvoke
  Object record(InvocationContext invocation) throws Exception {
    if (request.isResolvable()) {
      request
          .get()
          .setAttribute(
              ROUTE_ATTRIBUTE,
              ROUTES.computeIfAbsent(invocation.getMethod(), AccessLogInterceptor::route));
    }
    try {
      return invocation.proceed();
    } catch (OutOfScopeException denied) {
      recordDenied(denied);
      throw denied;
    }
  }

  private void recordDenied(OutOfScopeException denied) {
    auditLog.recordAlone(AuditRecord.accessDenied(callers.require(), denied.requestedWorkspace()));
  }

  /** The route template of a resource method, e.g. {@code /v1/session/payload}. */
  private static String route(Method method) {
    StringBuilder template = new StringBuilder();
    Path type = method.getDeclaringClass().getAnnotation(Path.class);
    if (type != null) {
      template.append('/').append(strip(type.value()));
    }
    Path path = method.getAnnotation(Path.class);
    if (path != null) {
      template.append('/').append(strip(path.value()));
    }
    return template.toString();
  }

  private static String strip(String path) {
    String stripped = path.startsWith("/") ? path.substring(1) : path;
    return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
  }
}
