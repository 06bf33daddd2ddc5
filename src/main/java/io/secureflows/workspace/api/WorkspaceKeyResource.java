package io.secureflows.workspace.api;

import io.secureflows.audit.Audited;
import io.secureflows.crypto.app.KeyStatus;
import io.secureflows.platform.rest.PathIds;
import io.secureflows.platform.tenancy.TenantScoped;
import io.secureflows.workspace.app.WorkspaceKeyService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/**
 * {@code /api/v1/admin/workspaces/{ws}/keys}: key versions with their state and how many payloads
 * each protects; rotate, retire a version, destroy all (crypto-shredding).
 */
@Audited
@TenantScoped
@Path("v1/admin/workspaces/{workspaceId}/keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WorkspaceKeyResource {

  @Inject WorkspaceKeyService keys;

  @PathParam("workspaceId")
  String workspaceId;

  @GET
  public ListView<KeyVersionView> status() {
    return view(keys.status(workspace()));
  }

  @POST
  @Path("rotate")
  public ListView<KeyVersionView> rotate() {
    return view(keys.rotate(workspace()));
  }

  @POST
  @Path("{version}/retire")
  public ListView<KeyVersionView> retire(@PathParam("version") String version) {
    int number;
    try {
      number = Integer.parseInt(version);
    } catch (NumberFormatException e) {
      throw new io.secureflows.platform.error.NotFoundException("Key version");
    }
    return view(keys.retire(workspace(), number));
  }

  @POST
  @Path("destroy")
  @Consumes(MediaType.APPLICATION_JSON)
  public ListView<KeyVersionView> destroy(DestroyKeysRequest request) {
    return view(keys.destroy(workspace(), request == null ? null : request.confirm()));
  }

  private UUID workspace() {
    return PathIds.parse(workspaceId, "Workspace");
  }

  private static ListView<KeyVersionView> view(List<KeyStatus> statuses) {
    return ListView.complete(statuses.stream().map(KeyVersionView::of).toList());
  }
}
