package io.secureflows.identity.api;

import io.secureflows.identity.app.HostedSignIn;
import io.secureflows.identity.app.LoginCookie;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /login/logout}: ends the hosted-login cookie, so the next authorize asks for the
 * password again. POST only, and the cookie is SameSite=Lax, so another site cannot sign a browser
 * out. Applications' sessions stay; an application signs its own session out with {@code POST
 * /api/v1/session/signout}.
 */
@WebServlet("/login/logout")
public class LogoutServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient HostedSignIn signIn;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    LoginCookie.parse(
            HostedLoginServlet.cookie(request, HostedLoginServlet.loginCookieName(request)))
        .ifPresent(signIn::logout);
    HostedLoginServlet.setLoginCookie(request, response, null);
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("text/html");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(LoginPage.signedOut());
  }
}
