package io.secureflows.platform.web;

import io.secureflows.platform.rest.Problem;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first filter on every request: enforces {@link TransportPolicy}. A refused request gets 403
 * problem+json and reaches nothing else; a request a trusted proxy terminated is seen by the rest
 * of the application as HTTPS.
 */
public class TransportSecurityFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Inject
  @ConfigProperty(name = "sf.http.trusted-proxies")
  Optional<String> trustedProxies;

  private transient TransportPolicy policy;

  @Override
  public void init() {
    policy = TransportPolicy.withTrustedProxies(trustedProxies.orElse(""));
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    switch (policy.decide(
        request.isSecure(), request.getRemoteAddr(), request.getHeader("X-Forwarded-Proto"))) {
      case SECURE, LOOPBACK_PLAINTEXT -> chain.doFilter(request, response);
      case SECURE_VIA_PROXY -> chain.doFilter(new ForwardedHttpsRequest(request), response);
      case REFUSE -> refuse(response);
    }
  }

  private static void refuse(HttpServletResponse response) throws IOException {
    Problem problem =
        Problem.of(
            "https-required",
            "HTTPS required",
            403,
            "secureFlows accepts HTTPS only. Use the https:// address.");
    response.setStatus(problem.status());
    response.setContentType(Problem.MEDIA_TYPE.toString());
    response.setHeader("Cache-Control", "no-store");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(problem.toJson());
  }

  private static final class ForwardedHttpsRequest extends HttpServletRequestWrapper {
    ForwardedHttpsRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public boolean isSecure() {
      return true;
    }

    @Override
    public String getScheme() {
      return "https";
    }
  }
}
