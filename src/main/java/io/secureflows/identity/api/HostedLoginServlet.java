package io.secureflows.identity.api;

import io.secureflows.crypto.RandomSecrets;
import io.secureflows.crypto.SecretDigest;
import io.secureflows.identity.app.AuthorizationRequest;
import io.secureflows.identity.app.HostedSignIn;
import io.secureflows.identity.app.RateLimiter;
import io.secureflows.identity.domain.LoginSession;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code /login/authorize}: GET shows the sign-in form for a checked authorization request, POST
 * signs in and answers 303 to the redirect URI with the code. A request that fails the checks gets
 * an error page (400) and never a redirect. The form carries an anti-forgery token that must equal
 * the one in a same-site, HTTP-only cookie.
 */
@WebServlet("/login/authorize")
public class HostedLoginServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String GENERIC_FAILURE = "The email or password is not correct.";

  @Inject transient HostedSignIn signIn;

  @Inject transient RateLimiter limiter;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    AuthorizationRequest checked;
    try {
      checked = signIn.check(parameters(request));
    } catch (AuthorizationRequest.Refused refused) {
      html(response, 400, LoginPage.refused(refused.getMessage()), null);
      return;
    }
    Optional<HostedSignIn.Redirect> returning =
        signIn.resume(checked, cookie(request, loginCookieName(request)), request.getRemoteAddr());
    if (returning.isPresent()) {
      redirect(response, returning.get());
      return;
    }
    String csrf = RandomSecrets.urlSafe(32);
    setCsrfCookie(request, response, csrf);
    html(response, 200, LoginPage.form(checked, csrf, null, null), checked.redirectUri());
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    request.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (tooManyAttempts(limiter, request, response)) {
      return;
    }
    AuthorizationRequest checked;
    try {
      checked = signIn.check(parameters(request));
    } catch (AuthorizationRequest.Refused refused) {
      html(response, 400, LoginPage.refused(refused.getMessage()), null);
      return;
    }
    if (!csrfMatches(request)) {
      html(
          response,
          400,
          LoginPage.refused(
              "The sign-in form expired or did not come from this page. Start again."),
          null);
      return;
    }
    String email = request.getParameter("email");
    Optional<HostedSignIn.Redirect> redirect =
        signIn.signIn(checked, email, request.getParameter("password"), request.getRemoteAddr());
    if (redirect.isPresent()) {
      clearCsrfCookie(request, response);
      setLoginCookie(request, response, redirect.get().loginCookie());
      redirect(response, redirect.get());
      return;
    }
    String csrf = RandomSecrets.urlSafe(32);
    setCsrfCookie(request, response, csrf);
    html(
        response,
        200,
        LoginPage.form(checked, csrf, email, GENERIC_FAILURE),
        checked.redirectUri());
  }

  /**
   * Counts a form submission against the rate limits; answers 429 with Retry-After when over them.
   */
  static boolean tooManyAttempts(
      RateLimiter limiter, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<Long> retryAfter =
        limiter.admit(request.getRemoteAddr(), request.getParameter("client_id"));
    if (retryAfter.isEmpty()) {
      return false;
    }
    response.setHeader("Retry-After", Long.toString(retryAfter.get()));
    html(response, 429, LoginPage.refused("Too many attempts. Wait a minute and try again."), null);
    return true;
  }

  static void redirect(HttpServletResponse response, HostedSignIn.Redirect redirect) {
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", redirect.location());
    response.setHeader("Cache-Control", "no-store");
  }

  /**
   * The hosted-login cookie: {@code __Host-} prefixed and Secure over HTTPS; Lax so a top-level
   * return carries it.
   */
  static String loginCookieName(HttpServletRequest request) {
    return request.isSecure() ? "__Host-sf_login" : "sf_login";
  }

  static void setLoginCookie(
      HttpServletRequest request, HttpServletResponse response, String value) {
    Cookie cookie = new Cookie(loginCookieName(request), value == null ? "" : value);
    cookie.setHttpOnly(true);
    cookie.setSecure(request.isSecure());
    cookie.setPath("/");
    cookie.setMaxAge(value == null ? 0 : (int) LoginSession.LIFETIME.toSeconds());
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
  }

  static String cookie(HttpServletRequest request, String name) {
    return request.getCookies() == null
        ? null
        : Arrays.stream(request.getCookies())
            .filter(c -> name.equals(c.getName()))
            .map(Cookie::getValue)
            .findFirst()
            .orElse(null);
  }

  static AuthorizationRequest.Parameters parameters(HttpServletRequest request) {
    return new AuthorizationRequest.Parameters(
        request.getParameter("client_id"),
        request.getParameter("redirect_uri"),
        request.getParameter("response_type"),
        request.getParameter("state"),
        request.getParameter("code_challenge"),
        request.getParameter("code_challenge_method"));
  }

  private static String csrfCookieName(HttpServletRequest request) {
    return request.isSecure() ? "__Host-sf_csrf" : "sf_csrf";
  }

  static void setCsrfCookie(
      HttpServletRequest request, HttpServletResponse response, String value) {
    Cookie cookie = new Cookie(csrfCookieName(request), value);
    cookie.setHttpOnly(true);
    cookie.setSecure(request.isSecure());
    cookie.setPath("/");
    cookie.setMaxAge(-1);
    cookie.setAttribute("SameSite", "Strict");
    response.addCookie(cookie);
  }

  static void clearCsrfCookie(HttpServletRequest request, HttpServletResponse response) {
    Cookie cookie = new Cookie(csrfCookieName(request), "");
    cookie.setHttpOnly(true);
    cookie.setSecure(request.isSecure());
    cookie.setPath("/");
    cookie.setMaxAge(0);
    cookie.setAttribute("SameSite", "Strict");
    response.addCookie(cookie);
  }

  static boolean csrfMatches(HttpServletRequest request) {
    String field = request.getParameter("csrf");
    String name = csrfCookieName(request);
    String cookie =
        request.getCookies() == null
            ? null
            : Arrays.stream(request.getCookies())
                .filter(c -> name.equals(c.getName()))
                .map(Cookie::getValue)
                .findFirst()
                .orElse(null);
    return field != null
        && cookie != null
        && field.length() >= 32
        && SecretDigest.matches(
            field.getBytes(StandardCharsets.US_ASCII), cookie.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Writes a page. The form's CSP allows the form to post here and the browser to follow the 303 to
   * the application's redirect URI (browsers apply {@code form-action} to that redirect too).
   */
  static void html(HttpServletResponse response, int status, String page, String redirectUri)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/html");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-store");
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; frame-ancestors 'none'; "
            + "form-action 'self'"
            + (redirectUri == null ? "" : " " + formActionSource(redirectUri)));
    response.getWriter().write(page);
  }

  private static String formActionSource(String redirectUri) {
    URI uri = URI.create(redirectUri);
    if (uri.getRawAuthority() == null) {
      return uri.getScheme() + ":";
    }
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }
}
