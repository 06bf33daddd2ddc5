package io.secureflows.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response the application produces. They are set before the chain runs
 * so that error answers carry them too. HSTS only over HTTPS (RFC 6797 forbids it on plain HTTP).
 * The content security policy of Faces views comes from PrimeFaces (see {@link #isFacesView}).
 */
public class SecurityHeadersFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

  /**
   * Faces views (the console) get their policy from PrimeFaces instead, with the nonce of each
   * response in {@code script-src} (web.xml, {@code primefaces.CSP_POLICY}): two policies would
   * both apply and the stricter one would block the nonced scripts.
   */
  static boolean isFacesView(String servletPath) {
    return servletPath != null && servletPath.endsWith(".xhtml");
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!isFacesView(request.getServletPath())) {
      response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }
    if (request.getServletPath().startsWith("/admin/")) {
      // Console pages show payloads, new API keys and TOTP secrets: never kept by any cache.
      response.setHeader("Cache-Control", "no-store");
    }
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    }
    chain.doFilter(request, response);
  }
}
