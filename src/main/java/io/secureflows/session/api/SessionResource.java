package io.secureflows.session.api;

import io.secureflows.audit.Audited;
import io.secureflows.platform.error.ReauthenticationRequiredException;
import io.secureflows.platform.rest.CacheControls;
import io.secureflows.platform.tenancy.TenantContext;
import io.secureflows.platform.tenancy.TenantContext.LiveSession;
import io.secureflows.platform.tenancy.TenantScoped;
import io.secureflows.session.app.SessionAccess;
import io.secureflows.session.app.SessionPayloadService;
import io.secureflows.session.app.SessionRegistry;
import io.secureflows.session.domain.UserSession;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/v1/session}: the caller's own session, named by the verified sessionToken alone.
 * Every answer is {@code Cache-Control: no-store}.
 */
@Path("v1/session")
@RequestScoped
@Audited
@TenantScoped
@RolesAllowed(SessionResource.ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
  /** The group every sessionToken carries. */
  public static final String ROLE = "session";

  @Inject TenantContext tenant;

  @Inject SessionAccess access;

  @Inject SessionRegistry sessions;

  @Inject SessionPayloadService payloads;

  @GET
  public Response get() {
    LiveSession live = tenant.session();
    UserSession session =
        sessions
            .find(live.workspaceId(), live.sessionId())
            .orElseThrow(
                () -> new ReauthenticationRequiredException("The session no longer exists."));
    Long version = payloads.version(live.workspaceId(), live.sessionId()).orElse(null);
    return Response.ok(SessionView.of(session, version))
        .cacheControl(CacheControls.noStore())
        .build();
  }

  /** Erases the session and its payload; its tokens then answer 410. */
  @DELETE
  public Response erase() {
    access.erase(tenant.session());
    return Response.noContent().cacheControl(CacheControls.noStore()).build();
  }

  @POST
  @Path("signout")
  public Response signOut() {
    access.signOut(tenant.session());
    return Response.noContent().cacheControl(CacheControls.noStore()).build();
  }
}
