package io.secureflows.audit.api;

import io.secureflows.audit.AuditChainStore;
import io.secureflows.audit.AuditTrail;
import io.secureflows.audit.Audited;
import io.secureflows.platform.tenancy.TenantScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/v1/admin/audit/verify}: the platform's own audit chain (events of no workspace), for
 * platform operators; the same answer as a workspace's {@code …/audit/verify}.
 */
@Audited
@TenantScoped
@Path("v1/admin/audit")
@RequestScoped
public class PlatformAuditResource {

  @Inject AuditTrail trail;

  @GET
  @Path("verify")
  @Produces(MediaType.APPLICATION_JSON)
  public AuditChainStore.Verification verify() {
    return trail.verifyPlatform();
  }
}
