package io.secureflows.session.api;

import io.secureflows.audit.Audited;
import io.secureflows.platform.error.InvalidInputException;
import io.secureflows.platform.rest.CacheControls;
import io.secureflows.platform.rest.PathIds;
import io.secureflows.platform.tenancy.TenantScoped;
import io.secureflows.session.app.SessionAdministration;
import io.secureflows.session.app.SessionQuery;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /api/v1/admin/workspaces/{ws}/sessions}: operators search, revoke and, giving a reason,
 * read sessions of one workspace. Another workspace's session answers 404.
 */
@Audited
@TenantScoped
@Path("v1/admin/workspaces/{workspaceId}/sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionAdminResource {
  /** Longest reason an operator may give for reading a payload. */
  @Inject SessionAdministration sessions;

  @PathParam("workspaceId")
  String workspaceId;

  @GET
  public SessionSummaryView.Page search(
      @QueryParam("userId") String userId,
      @QueryParam("applicationId") String applicationId,
      @QueryParam("state") String state,
      @QueryParam("sort") String sort,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    SessionQuery query = SessionQuery.parse(userId, applicationId, state, sort, limit, cursor);
    SessionAdministration.Page page = sessions.search(workspace(), query);
    return new SessionSummaryView.Page(
        page.items().stream().map(SessionSummaryView::of).toList(),
        page.next() == null ? null : page.next().encode());
  }

  @POST
  @Path("{sessionId}/revoke")
  public Response revoke(@PathParam("sessionId") String sessionId) {
    sessions.revoke(workspace(), PathIds.parse(sessionId, "Session"));
    return Response.noContent().build();
  }

  /** Signs out every session of one user: {@code POST …/sessions/revoke?userId=…}. */
  @POST
  @Path("revoke")
  public Response revokeAllOf(@QueryParam("userId") String userId) {
    UUID user = SessionQuery.parse(userId, null, null, null, null, null).userId();
    if (user == null) {
      throw InvalidInputException.of("userId", "is required");
    }
    int revoked = sessions.revokeAllOf(workspace(), user);
    return Response.ok(Json.createObjectBuilder().add("revoked", revoked).build().toString())
        .build();
  }

  /**
   * The payload, for an operator who says why: the read is audited before anything is returned and
   * fails if the audit record cannot be written.
   */
  @GET
  @Path("{sessionId}/payload")
  public Response readPayload(
      @PathParam("sessionId") String sessionId, @QueryParam("reason") String reason) {
    UUID session = PathIds.parse(sessionId, "Session");
    Optional<byte[]> content = sessions.readPayload(workspace(), session, reason);
    CacheControl noStore = CacheControls.noStore();
    return content
        .map(bytes -> Response.ok(bytes, MediaType.APPLICATION_JSON_TYPE))
        .orElseGet(Response::noContent)
        .cacheControl(noStore)
        .build();
  }

  private UUID workspace() {
    return PathIds.parse(workspaceId, "Workspace");
  }
}
