package io.secureflows.audit.api;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * {@code /api/v1/admin/workspaces/{ws}/access-log}: the workspace's API calls (filters {@code
 * from}, {@code to}, {@code actor}, {@code route}, {@code status}, {@code sessionId}, {@code
 * applicationId}) and their export.
 */
@Audited
@TenantScoped
@Path("v1/admin/workspaces/{workspaceId}/access-log")
@RequestScoped
public class AccessLogResource {

  @Inject LogEndpoints log;

  @PathParam("workspaceId")
  String workspaceId;

  @GET
  public Response page(
      @BeanParam LogFilters filters,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return log.page(LogTable.ACCESS, workspace(), filters, limit, cursor);
  }

  @GET
  @Path("export")
  public Response export(@QueryParam("format") String format, @BeanParam LogFilters filters) {
    return log.export(LogTable.ACCESS, workspace(), format, filters);
  }

  private UUID workspace() {
    return PathIds.parse(workspaceId, "Workspace");
  }
}
