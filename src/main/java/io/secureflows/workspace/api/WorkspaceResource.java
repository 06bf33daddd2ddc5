package io.secureflows.workspace.api;

import io.secureflows.audit.Audited;
import io.secureflows.platform.error.InvalidInputException;
import io.secureflows.platform.rest.PathIds;
import io.secureflows.platform.tenancy.TenantScoped;
import io.secureflows.workspace.app.WorkspaceService;
import io.secureflows.workspace.domain.Workspace;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code /api/v1/admin/workspaces}: create, list, read, rename. */
@Audited
@TenantScoped
@Path("v1/admin/workspaces")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkspaceResource {

  @Inject WorkspaceService workspaces;

  @Context UriInfo uriInfo;

  @POST
  public Response create(WorkspaceRequest request) {
    Workspace created = workspaces.create(required(request).name());
    return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(WorkspaceView.of(created))
        .build();
  }

  @GET
  public ListView<WorkspaceView> list() {
    return ListView.complete(workspaces.list().stream().map(WorkspaceView::of).toList());
  }

  @GET
  @Path("{workspaceId}")
  public WorkspaceView get(@PathParam("workspaceId") String workspaceId) {
    return WorkspaceView.of(workspaces.get(PathIds.parse(workspaceId, "Workspace")));
  }

  @PATCH
  @Path("{workspaceId}")
  public WorkspaceView rename(
      @PathParam("workspaceId") String workspaceId, WorkspaceRequest request) {
    return WorkspaceView.of(
        workspaces.rename(PathIds.parse(workspaceId, "Workspace"), required(request).name()));
  }

  static <T> T required(T body) {
    if (body == null) {
      throw InvalidInputException.of("body", "a JSON object is required");
    }
    return body;
  }
}
