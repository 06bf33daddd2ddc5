package io.secureflows.identity.api;

import io.secureflows.crypto.RandomSecrets;
import io.secureflows.identity.app.AuthorizationRequest;
import io.secureflows.identity.app.HostedSignIn;
import io.secureflows.identity.app.RateLimiter;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code /login/register}: self-registration, with the same parameters and checks as {@code
 * /login/authorize}, only for an application that allows it (403 page otherwise). A new account is
 * signed in at once: 303 to the redirect URI with a code, and the hosted-login cookie.
 */
@WebServlet("/login/register")
public class RegisterServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final String NOT_OFFERED = "This application does not offer registration.";

  @Inject transient HostedSignIn signIn;

  @Inject transient RateLimiter limiter;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<AuthorizationRequest> checked = check(request, response);
    if (checked.isEmpty()) {
      return;
    }
    String csrf = RandomSecrets.urlSafe(32);
    HostedLoginServlet.setCsrfCookie(request, response, csrf);
    HostedLoginServlet.html(
        response,
        200,
        LoginPage.registration(checked.get(), csrf, null, null),
        checked.get().redirectUri());
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    request.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (HostedLoginServlet.tooManyAttempts(limiter, request, response)) {
      return;
    }
    Optional<AuthorizationRequest> checked = check(request, response);
    if (checked.isEmpty()) {
      return;
    }
    if (!HostedLoginServlet.csrfMatches(request)) {
      HostedLoginServlet.html(
          response,
          400,
          LoginPage.refused("The form expired or did not come from this page. Start again."),
          null);
      return;
    }
    String email = request.getParameter("email");
    try {
      HostedSignIn.Redirect redirect =
          signIn.register(
              checked.get(), email, request.getParameter("password"), request.getRemoteAddr());
      HostedLoginServlet.clearCsrfCookie(request, response);
      HostedLoginServlet.setLoginCookie(request, response, redirect.loginCookie());
      HostedLoginServlet.redirect(response, redirect);
    } catch (HostedSignIn.RegistrationRefused refused) {
      String csrf = RandomSecrets.urlSafe(32);
      HostedLoginServlet.setCsrfCookie(request, response, csrf);
      HostedLoginServlet.html(
          response,
          400,
          LoginPage.registration(checked.get(), csrf, email, refused.getMessage()),
          checked.get().redirectUri());
    }
  }

  /**
   * The checked request, or empty after answering: 400 for a bad request, 403 where registration is
   * not offered.
   */
  private Optional<AuthorizationRequest> check(
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    try {
      AuthorizationRequest checked = signIn.check(HostedLoginServlet.parameters(request));
      if (!checked.application().registrationAllowed()) {
        HostedLoginServlet.html(response, 403, LoginPage.refused(NOT_OFFERED), null);
        return Optional.empty();
      }
      return Optional.of(checked);
    } catch (AuthorizationRequest.Refused refused) {
      HostedLoginServlet.html(response, 400, LoginPage.refused(refused.getMessage()), null);
      return Optional.empty();
    }
  }
}
