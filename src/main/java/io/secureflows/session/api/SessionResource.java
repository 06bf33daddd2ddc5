package io.secureflows.session.api;

import io.secureflows.session.app.SessionAccess;
import io.secureflows.session.app.SessionPayloadService;
import io.secureflows.session.domain.UserSession;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code /api/v1/session}: the caller's own session, named by the verified sessionToken alone.
 * Every answer is {@code Cache-Control: no-store}.
 */
@Path("v1/session")
@RequestScoped
@RolesAllowed(SessionResource.ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
  /** The group every sessionToken carries. */
  public static final String ROLE = "session";

  @Inject JsonWebToken token;

  @Inject SessionAccess access;

  @Inject SessionPayloadService payloads;

  @GET
  public Response get() {
    UserSession session = access.open(claims(token));
    Long version = payloads.version(session.workspaceId(), session.id()).orElse(null);
    return Response.ok(SessionView.of(session, version)).cacheControl(noStore()).build();
  }

  /** Erases the session and its payload; its tokens then answer 410. */
  @DELETE
  public Response erase() {
    access.erase(claims(token));
    return Response.noContent().cacheControl(noStore()).build();
  }

  @POST
  @Path("signout")
  public Response signOut() {
    access.signOut(claims(token));
    return Response.noContent().cacheControl(noStore()).build();
  }

  static SessionAccess.TokenClaims claims(JsonWebToken token) {
    Object generation = token.getClaim("gen");
    Long gen =
        generation instanceof JsonNumber number
            ? Long.valueOf(number.longValue())
            : generation instanceof Number number ? Long.valueOf(number.longValue()) : null;
    Set<String> audience = token.getAudience();
    return new SessionAccess.TokenClaims(
        text(token.getClaim("wid")), text(token.getClaim("sid")), audience, gen);
  }

  private static String text(Object claim) {
    return claim instanceof JsonString json
        ? json.getString()
        : claim == null ? null : claim.toString();
  }

  private static CacheControl noStore() {
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return noStore;
  }
}
