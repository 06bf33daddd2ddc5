package io.secureflows.identity.api;

import io.secureflows.audit.Audited;
import io.secureflows.identity.app.RateLimiter;
import io.secureflows.identity.app.TokenExchange;
import io.secureflows.platform.rest.CacheControls;
import io.secureflows.platform.rest.Unauthenticated;
import io.secureflows.platform.tenancy.TenantScoped;
import io.secureflows.workspace.app.ApplicationService;
import io.secureflows.workspace.app.ClientRoute;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/v1/token}: the OAuth 2.0 token endpoint for the authorization code grant with
 * PKCE. Public clients (browser, mobile) have no secret; the code, its verifier and the exact
 * redirect URI prove the caller. Answers carry both secureFlows' names and RFC 6749's, and are
 * never cached.
 */
@Audited
@TenantScoped
@Path("v1/token")
@RequestScoped
@Unauthenticated(
    "OAuth public clients have no secret: the one-time code, its PKCE verifier and the exact redirect URI prove the"
        + " caller")
public class TokenResource {
  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  @Inject TokenExchange exchange;

  @Inject RateLimiter limiter;

  @Inject ApplicationService applications;

  @Context HttpServletRequest request;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  public Response token(
      @FormParam("grant_type") String grantType,
      @FormParam("code") String code,
      @FormParam("code_verifier") String verifier,
      @FormParam("client_id") String clientId,
      @FormParam("redirect_uri") String redirectUri) {
    CacheControl noStore = CacheControls.noStore();
    Optional<Long> retryAfter = limiter.admit(request.getRemoteAddr(), clientId);
    if (retryAfter.isPresent()) {
      String body =
          JSON.createObjectBuilder()
              .add("error", "too_many_requests")
              .add("error_description", "Too many token requests; retry later.")
              .build()
              .toString();
      return Response.status(429)
          .entity(body)
          .cacheControl(noStore)
          .header("Retry-After", retryAfter.get())
          .build();
    }
    try {
      TokenExchange.requireGrant(grantType, code);
      ClientRoute client =
          applications
              .route(clientId)
              .orElseThrow(
                  () -> new TokenExchange.GrantRefused(401, "invalid_client", "Unknown client."));
      TokenExchange.Issued issued = exchange.exchange(client, code, verifier, redirectUri);
      String body =
          JSON.createObjectBuilder()
              .add("sessionToken", issued.token())
              .add("tokenType", "Bearer")
              .add("expiresIn", issued.expiresIn())
              .add("sessionId", issued.sessionId())
              .add("access_token", issued.token())
              .add("token_type", "Bearer")
              .add("expires_in", issued.expiresIn())
              .build()
              .toString();
      return Response.ok(body).cacheControl(noStore).header("Pragma", "no-cache").build();
    } catch (TokenExchange.GrantRefused refused) {
      String body =
          JSON.createObjectBuilder()
              .add("error", refused.error())
              .add("error_description", refused.getMessage())
              .build()
              .toString();
      return Response.status(refused.status()).entity(body).cacheControl(noStore).build();
    }
  }
}
