package io.secureflows.workspace.api;

import io.secureflows.audit.Audited;
import io.secureflows.platform.error.InvalidInputException;
import io.secureflows.platform.rest.PathIds;
import io.secureflows.platform.tenancy.TenantScoped;
import io.secureflows.workspace.app.ApplicationService;
import io.secureflows.workspace.domain.Application;
import io.secureflows.workspace.domain.ApplicationType;
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

/** {@code /api/v1/admin/workspaces/{ws}/applications}: register, list, read. */
@Audited
@TenantScoped
@Path("v1/admin/workspaces/{workspaceId}/applications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApplicationResource {

  @Inject ApplicationService applications;

  @Context UriInfo uriInfo;

  @PathParam("workspaceId")
  String workspaceId;

  @POST
  public Response register(ApplicationRequest request) {
    ApplicationRequest body = WorkspaceResource.required(request);
    ApplicationType type =
        body.type() == null ? null : ApplicationType.fromExternalName(body.type());
    if (body.type() != null && type == null) {
      throw InvalidInputException.of("type", "must be one of web, mobile, automation");
    }
    Application created =
        applications.register(
            PathIds.parse(workspaceId, "Workspace"),
            body.clientId(),
            body.name(),
            type,
            body.redirectUris(),
            body.settings());
    return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(ApplicationView.of(created))
        .build();
  }

  @GET
  public ListView<ApplicationView> list() {
    return ListView.complete(
        applications.list(PathIds.parse(workspaceId, "Workspace")).stream()
            .map(ApplicationView::of)
            .toList());
  }

  @GET
  @Path("{applicationId}")
  public ApplicationView get(@PathParam("applicationId") String applicationId) {
    return ApplicationView.of(
        applications.get(
            PathIds.parse(workspaceId, "Workspace"), PathIds.parse(applicationId, "Application")));
  }

  /**
   * Changes the name, the redirect URIs and any setting given; what is left out stays. The client
   * id and type never change. A changed session lifecycle applies to the existing sessions at once.
   */
  @PATCH
  @Path("{applicationId}")
  public ApplicationView change(
      @PathParam("applicationId") String applicationId, ApplicationRequest request) {
    ApplicationRequest body = WorkspaceResource.required(request);
    if (body.clientId() != null || body.type() != null) {
      throw InvalidInputException.of(
          body.clientId() != null ? "clientId" : "type",
          "cannot be changed; register a new application instead");
    }
    return ApplicationView.of(
        applications.change(
            PathIds.parse(workspaceId, "Workspace"),
            PathIds.parse(applicationId, "Application"),
            body.name(),
            body.redirectUris(),
            body.settings()));
  }
}
