package io.secureflows.audit.api;

import io.secureflows.audit.Audited;
import io.secureflows.audit.LogTable;
import io.secureflows.platform.tenancy.TenantScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

/**
 * {@code /api/v1/admin/workspaces/{ws}/access-log}: the workspace's API calls (filters {@code
 * from}, {@code to}, {@code actor}, {@code route}, {@code status}, {@code sessionId}, {@code
 * applicationId}) and their export.
 */
@Audited
@TenantScoped
@Path("v1/admin/workspaces/{workspaceId}/access-log")
@RequestScoped
public class AccessLogResource extends LogResource {

  @Override
  LogTable table() {
    return LogTable.ACCESS;
  }
}
