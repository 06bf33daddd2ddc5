package io.secureflows.audit;

import io.secureflows.platform.error.OutOfScopeException;
import io.secureflows.platform.rest.DomainExceptionMapper;
import io.secureflows.platform.tenancy.Caller;
import io.secureflows.platform.tenancy.CallerContext;
import io.secureflows.platform.tenancy.TenantContext;
import io.secureflows.platform.web.Correlation;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records every {@link Audited} call in the access log once it has an answer, and a call refused
 * for naming a workspace outside the caller's scope as a denied access in the audit log. Runs
 * outside the tenant scope (a lower priority), so it sees the refusals that scope raises.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 50)
public class AccessLogInterceptor {
  private static final Map<Method, String[]> ROUTES = new ConcurrentHashMap<>();

  @Inject AccessLog accessLog;

  @Inject AuditLog auditLog;

  @Inject CallerContext callers;

  @Inject TenantContext tenant;

  @Inject Clock clock;

  @Inject Correlation correlation;

  @AroundInvoke
  Object record(InvocationContext invocation) throws Exception {
    long started = System.nanoTime();
    int status = 500;
    try {
      Object result = invocation.proceed();
      status =
          result instanceof Response response ? response.getStatus() : result == null ? 204 : 200;
      return result;
    } catch (OutOfScopeException denied) {
      status = 404;
      recordDenied(denied);
      throw denied;
    } catch (Exception e) {
      status = DomainExceptionMapper.statusOf(e);
      throw e;
    } finally {
      String[] route = ROUTES.computeIfAbsent(invocation.getMethod(), AccessLogInterceptor::route);
      accessLog.offer(record(route, status, (System.nanoTime() - started) / 1_000));
    }
  }

  private AccessRecord record(String[] route, int status, long latencyMicros) {
    var session = tenant.current();
    var caller = callers.current();
    ActorType actorType = ActorType.ANONYMOUS;
    String actorId = null;
    if (session.isPresent()) {
      actorType = ActorType.USER;
      actorId = session.get().userId().toString();
    } else if (caller.isPresent()) {
      actorType = ActorType.of(caller.get());
      actorId = caller.get().id().toString();
    }
    UUID workspace =
        tenant.workspace().orElseGet(() -> caller.flatMap(Caller::workspaceId).orElse(null));
    return new AccessRecord(
        clock.instant(),
        workspace,
        actorType,
        actorId,
        route[0],
        route[1],
        status,
        latencyMicros,
        session.map(TenantContext.LiveSession::applicationId).orElse(null),
        session.map(TenantContext.LiveSession::sessionId).orElse(null),
        correlation.id());
  }

  private void recordDenied(OutOfScopeException denied) {
    Caller caller = callers.require();
    auditLog.recordAlone(
        new AuditRecord(
            caller.workspaceId().orElse(null),
            ActorType.of(caller),
            caller.id().toString(),
            "access.denied",
            Outcome.DENIED,
            null,
            null,
            "workspace:" + denied.requestedWorkspace(),
            null));
  }

  /** The HTTP method and route template of a resource method, e.g. {@code GET /v1/session}. */
  private static String[] route(Method method) {
    String httpMethod = "?";
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (designator != null) {
        httpMethod = designator.value();
      }
    }
    StringBuilder template = new StringBuilder();
    Path type = method.getDeclaringClass().getAnnotation(Path.class);
    if (type != null) {
      template.append('/').append(strip(type.value()));
    }
    Path path = method.getAnnotation(Path.class);
    if (path != null) {
      template.append('/').append(strip(path.value()));
    }
    return new String[] {httpMethod, template.toString()};
  }

  private static String strip(String path) {
    String stripped = path.startsWith("/") ? path.substring(1) : path;
    return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
  }
}
