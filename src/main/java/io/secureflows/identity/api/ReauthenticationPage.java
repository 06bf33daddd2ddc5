package io.secureflows.identity.api;

import io.secureflows.crypto.TokenSigning;
import io.secureflows.identity.app.SigningKeys;
import io.secureflows.identity.domain.SigningKey;
import io.secureflows.platform.rest.DomainExceptionMapper;
import io.secureflows.platform.rest.Problem;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The container's 401 page (web.xml). MicroProfile JWT answers 401 to every token it rejects,
 * before the application runs. On the session API this page turns two of those cases into 410 (sign
 * in again, nothing lost): no token at all, and a token that is genuine — RS256, signed by one of
 * our keys, our issuer — but expired. Everything else (forged, tampered, {@code alg=none} or
 * another algorithm, unknown {@code kid}, another issuer, an API key) stays 401.
 */
public class ReauthenticationPage extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final String SESSION_API = "/api/v1/session";

  @Inject transient SigningKeys signingKeys;

  @Inject transient Clock clock;

  @Inject
  @ConfigProperty(name = "sf.token.issuer")
  transient String issuer;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "30")
  transient long skewSeconds;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    boolean sessionApi =
        path != null && (path.equals(SESSION_API) || path.startsWith(SESSION_API + "/"));
    if (sessionApi && mustReauthenticate(request.getHeader("Authorization"))) {
      write(
          response,
          DomainExceptionMapper.reauthenticate("Sign in again to get a new sessionToken."));
      return;
    }
    response.setHeader("WWW-Authenticate", "Bearer");
    write(
        response,
        Problem.of("unauthorized", "Unauthorized", 401, "The credentials are not valid.")
            .toResponse());
  }

  private boolean mustReauthenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return true;
    }
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    String token = authorization.substring(7).trim();
    return genuineButExpired(token);
  }

  private boolean genuineButExpired(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return false;
    }
    Optional<JsonObject> header = json(parts[0]);
    Optional<JsonObject> claims = json(parts[1]);
    if (header.isEmpty() || claims.isEmpty()) {
      return false;
    }
    if (!TokenSigning.ALGORITHM.equals(header.get().getString("alg", null))) {
      return false;
    }
    String kid = header.get().getString("kid", null);
    Optional<SigningKey> key =
        signingKeys.verificationKeys().stream().filter(k -> k.kid().equals(kid)).findFirst();
    if (key.isEmpty() || !TokenSigning.verifies(token, key.get().publicKey())) {
      return false;
    }
    if (!issuer.equals(claims.get().getString("iss", null))) {
      return false;
    }
    var exp = claims.get().getJsonNumber("exp");
    return exp != null && exp.longValue() + skewSeconds <= clock.instant().getEpochSecond();
  }

  private static Optional<JsonObject> json(String part) {
    try (JsonReader reader =
        Json.createReader(
            new StringReader(
                new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)))) {
      return Optional.of(reader.readObject());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void write(HttpServletResponse response, Response problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(Problem.MEDIA_TYPE.toString());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write((String) problem.getEntity());
  }
}
