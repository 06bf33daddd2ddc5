package io.secureflows.identity.api;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /.well-known/oauth-authorization-server} (RFC 8414), so that standard OAuth clients
 * configure themselves: the issuer (the tokens' {@code iss}), the authorize, token and JWKS
 * endpoints, and what is supported — the code grant with PKCE S256 for public clients only.
 * Endpoints are absolute under the issuer when it is a URL, else under the address the request came
 * to.
 */
@WebServlet("/.well-known/oauth-authorization-server")
public class AuthorizationServerMetadataServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  @Inject
  @ConfigProperty(name = "sf.token.issuer")
  transient String issuer;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String base =
        issuer.startsWith("https://") || issuer.startsWith("http://")
            ? issuer.replaceAll("/+$", "")
            : request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
    String body =
        JSON.createObjectBuilder()
            .add("issuer", issuer)
            .add("authorization_endpoint", base + "/login/authorize")
            .add("token_endpoint", base + "/api/v1/token")
            .add("jwks_uri", base + "/.well-known/jwks.json")
            .add("response_types_supported", JSON.createArrayBuilder().add("code"))
            .add("grant_types_supported", JSON.createArrayBuilder().add("authorization_code"))
            .add("code_challenge_methods_supported", JSON.createArrayBuilder().add("S256"))
            .add("token_endpoint_auth_methods_supported", JSON.createArrayBuilder().add("none"))
            .add("response_modes_supported", JSON.createArrayBuilder().add("query"))
            .build()
            .toString();
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "public, max-age=300");
    response.getWriter().write(body);
  }
}
