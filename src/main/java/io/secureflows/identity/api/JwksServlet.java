package io.secureflows.identity.api;

import io.secureflows.identity.app.JwksPublisher;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /.well-known/jwks.json}: the public keys that verify sessionTokens (RFC 7517), the
 * signing key and those rotated out, so that tokens signed before a rotation keep verifying until
 * they expire. Cacheable for five minutes.
 */
@WebServlet("/.well-known/jwks.json")
public class JwksServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient JwksPublisher jwks;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("application/jwk-set+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "public, max-age=300");
    response.getWriter().write(jwks.jwks());
  }
}
