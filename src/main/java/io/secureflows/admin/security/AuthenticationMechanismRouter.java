package io.secureflows.admin.security;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanismHandler;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Two authentication mechanisms in one WAR (Jakarta Security 4): the console's form sign-in for
 * {@code /admin} and everything under it, MicroProfile JWT (sessionTokens and admin API keys) for
 * every other path. So a console cookie never authenticates an API call, and a bearer token never
 * opens the console (docs/adr/0009).
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class AuthenticationMechanismRouter implements HttpAuthenticationMechanismHandler {
  private static final String MP_JWT_MECHANISM = "JWTAuthenticationMechanism";

  @Inject @Any Instance<HttpAuthenticationMechanism> mechanisms;

  private HttpAuthenticationMechanism console;
  private HttpAuthenticationMechanism api;

  @PostConstruct
  void resolve() {
    console = mechanisms.select(ConsoleAuthenticationMechanism.class).get();
    api =
        mechanisms.stream()
            .filter(m -> m.getClass().getName().contains(MP_JWT_MECHANISM))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "MicroProfile JWT's authentication mechanism is not deployed"));
  }

  /** Whether the request belongs to the console, judged on the container's normalised path. */
  static boolean isConsolePath(String servletPath, String pathInfo) {
    String path = servletPath + (pathInfo == null ? "" : pathInfo);
    return path.equals(ConsoleAuthenticationMechanism.CONSOLE)
        || path.startsWith(ConsoleAuthenticationMechanism.CONSOLE + "/");
  }

  private HttpAuthenticationMechanism mechanismFor(HttpServletRequest request) {
    return isConsolePath(request.getServletPath(), request.getPathInfo()) ? console : api;
  }

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    return mechanismFor(request).validateRequest(request, response, context);
  }

  @Override
  public AuthenticationStatus secureResponse(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    return mechanismFor(request).secureResponse(request, response, context);
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    mechanismFor(request).cleanSubject(request, response, context);
  }
}
