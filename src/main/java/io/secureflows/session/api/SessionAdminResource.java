package io.secureflows.session.api;

import io.secureflows.platform.rest.PathIds;
import io.secureflows.session.app.SessionAdministration;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /api/v1/admin/workspaces/{ws}/sessions/{sid}/revoke}: ends every token of a session
 * at once, on every node (the token generation lives in the database). The session and its payload
 * stay for the user's next sign-in.
 */
@Path("v1/admin/workspaces/{workspaceId}/sessions")
@RequestScoped
public class SessionAdminResource {

  @Inject SessionAdministration sessions;

  @POST
  @Path("{sessionId}/revoke")
  public Response revoke(
      @PathParam("workspaceId") String workspaceId, @PathParam("sessionId") String sessionId) {
    sessions.revoke(PathIds.parse(workspaceId, "Workspace"), PathIds.parse(sessionId, "Session"));
    return Response.noContent().build();
  }
}
