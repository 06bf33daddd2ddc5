package io.secureflows.audit.api;

import io.secureflows.audit.AuditChainStore;
import io.secureflows.audit.AuditTrail;
import io.secureflows.audit.Audited;
import io.secureflows.audit.LogTable;
import io.secureflows.platform.rest.PathIds;
import io.secureflows.platform.tenancy.TenantScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * {@code /api/v1/admin/workspaces/{ws}/audit}: the workspace's audit records (filters {@code from},
 * {@code to}, {@code actor}, {@code action}, {@code sessionId}, {@code applicationId}), their
 * export with the chain hashes, and {@code verify}, which walks the hash chain.
 */
@Audited
@TenantScoped
@Path("v1/admin/workspaces/{workspaceId}/audit")
@RequestScoped
public class AuditResource {

  @Inject LogEndpoints log;

  @Inject AuditTrail trail;

  @PathParam("workspaceId")
  String workspaceId;

  @GET
  public Response page(
      @BeanParam LogFilters filters,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return log.page(LogTable.AUDIT, workspace(), filters, limit, cursor);
  }

  @GET
  @Path("export")
  public Response export(@QueryParam("format") String format, @BeanParam LogFilters filters) {
    return log.export(LogTable.AUDIT, workspace(), format, filters);
  }

  /**
   * Walks the chain: {@code {"intact", "checked", "unsealed", "brokenSeq", "brokenEvent",
   * "problem"}}; the first broken record is named.
   */
  @GET
  @Path("verify")
  @Produces(MediaType.APPLICATION_JSON)
  public AuditChainStore.Verification verify() {
    return trail.verify(workspace());
  }

  private UUID workspace() {
    return PathIds.parse(workspaceId, "Workspace");
  }
}
