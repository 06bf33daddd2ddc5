package io.secureflows.audit.api;

import io.secureflows.audit.AuditChainStore;
import io.secureflows.audit.Audited;
import io.secureflows.audit.LogTable;
import io.secureflows.platform.tenancy.TenantScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/v1/admin/workspaces/{ws}/audit}: the workspace's audit records (filters {@code from},
 * {@code to}, {@code actor}, {@code action}, {@code sessionId}, {@code applicationId}), their
 * export with the chain hashes, and {@code verify}, which walks the hash chain.
 */
@Audited
@TenantScoped
@Path("v1/admin/workspaces/{workspaceId}/audit")
@RequestScoped
public class AuditResource extends LogResource {

  @Override
  LogTable table() {
    return LogTable.AUDIT;
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
}
