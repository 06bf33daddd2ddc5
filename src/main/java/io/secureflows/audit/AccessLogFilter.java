package io.secureflows.audit;

import io.secureflows.platform.tenancy.Caller;
import io.secureflows.platform.tenancy.CallerContext;
import io.secureflows.platform.tenancy.TenantContext;
import io.secureflows.platform.web.Correlation;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.UUID;

/**
 * One access-log record per API request ({@code /api/*}, and the error page through which the
 * server's authentication refuses credentials before any filter runs), written to the queue once
 * the answer is complete: the method, the route template the {@link AccessLogInterceptor} named (or
 * {@value #UNMATCHED} for requests refused before a resource ran: authentication, size limit,
 * transport), the status as the application set it, the latency, and who called in which workspace
 * and session. Never the concrete path, query string, headers or body.
 */
public class AccessLogFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  /** The route of a request that reached no resource. */
  static final String UNMATCHED = "(no resource)";

  @Inject transient AccessLog accessLog;

  @Inject transient TenantContext tenant;

  @Inject transient CallerContext callers;

  @Inject transient Correlation correlation;

  @Inject transient Clock clock;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getDispatcherType() == DispatcherType.ERROR && !fromTheApi(request)) {
      chain.doFilter(request, response);
      return;
    }
    long started = System.nanoTime();
    boolean failed = true;
    try {
      chain.doFilter(request, response);
      failed = false;
    } finally {
      Object route = request.getAttribute(AccessLogInterceptor.ROUTE_ATTRIBUTE);
      accessLog.offer(
          record(
              request.getMethod(),
              route instanceof String template ? template : UNMATCHED,
              failed ? 500 : response.getStatus(),
              (System.nanoTime() - started) / 1_000));
    }
  }

  /** Whether an error page is answering a request that was sent to the API. */
  private static boolean fromTheApi(HttpServletRequest request) {
    return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
        && uri.startsWith(request.getContextPath() + "/api/");
  }

  private AccessRecord record(String method, String route, int status, long latencyMicros) {
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
        method.length() > 10 ? method.substring(0, 10) : method,
        route,
        status,
        latencyMicros,
        session.map(TenantContext.LiveSession::applicationId).orElse(null),
        session.map(TenantContext.LiveSession::sessionId).orElse(null),
        correlation.id());
  }
}
