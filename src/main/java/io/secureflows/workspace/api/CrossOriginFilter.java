package io.secureflows.workspace.api;

import io.secureflows.workspace.app.WebOrigins;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * CORS for browser applications on their own origin (web.xml maps it to the browser SDK, the token
 * endpoint, the session API and the 410/401 page): a page whose origin is that of a registered web
 * application's redirect URI ({@link WebOrigins}) may call them and read the answers, including
 * {@code ETag}; any other origin gets no CORS header, so its browser withholds the answer. No
 * credentials are ever allowed: the API takes a bearer token, never a cookie. The SDK file itself
 * is public and may be imported from anywhere.
 */
public class CrossOriginFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Inject transient WebOrigins origins;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      chain.doFilter(request, response);
      return;
    }
    response.addHeader("Vary", "Origin");
    if (request.getServletPath().startsWith("/sdk/")) {
      response.setHeader("Access-Control-Allow-Origin", "*");
      chain.doFilter(request, response);
      return;
    }
    boolean allowed = origins.isAllowed(origin);
    boolean preflight =
        "OPTIONS".equals(request.getMethod())
            && request.getHeader("Access-Control-Request-Method") != null;
    if (allowed) {
      response.setHeader("Access-Control-Allow-Origin", origin);
      response.setHeader("Access-Control-Expose-Headers", "ETag");
    }
    if (preflight) {
      if (allowed) {
        response.setHeader("Access-Control-Allow-Methods", "GET, PUT, POST, DELETE");
        response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, If-Match");
        response.setHeader("Access-Control-Max-Age", "600");
      }
      response.setStatus(
          allowed ? HttpServletResponse.SC_NO_CONTENT : HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    chain.doFilter(request, response);
  }
}
