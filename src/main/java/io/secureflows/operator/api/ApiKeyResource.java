package io.secureflows.operator.api;

import io.secureflows.audit.Audited;
import io.secureflows.operator.app.ApiKeyService;
import io.secureflows.operator.app.IssuedApiKey;
import io.secureflows.platform.error.InvalidInputException;
import io.secureflows.platform.rest.CacheControls;
import io.secureflows.platform.rest.PathIds;
import io.secureflows.platform.tenancy.OperatorRole;
import io.secureflows.platform.tenancy.TenantScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code /api/v1/admin/workspaces/{ws}/api-keys}: create a key confined to one workspace. */
@Audited
@TenantScoped
@Path("v1/admin/workspaces/{workspaceId}/api-keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

  @Inject ApiKeyService apiKeys;

  @Context UriInfo uriInfo;

  @POST
  public Response create(@PathParam("workspaceId") String workspaceId, ApiKeyRequest request) {
    if (request == null) {
      throw InvalidInputException.of("body", "a JSON object is required");
    }
    OperatorRole role = OperatorRole.fromExternalName(request.role());
    if (role == null) {
      throw InvalidInputException.of("role", "must be workspace-admin or auditor");
    }
    IssuedApiKey issued =
        apiKeys.issueForWorkspace(PathIds.parse(workspaceId, "Workspace"), request.name(), role);
    CacheControl noStore = CacheControls.noStore();
    return Response.created(
            uriInfo.getAbsolutePathBuilder().path(issued.key().id().toString()).build())
        .cacheControl(noStore)
        .entity(IssuedApiKeyView.of(issued))
        .build();
  }
}
