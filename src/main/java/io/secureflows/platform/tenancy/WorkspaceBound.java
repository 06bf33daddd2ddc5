package io.secureflows.platform.tenancy;

import java.util.UUID;

/**
 * A verified value that belongs to one workspace (a checked authorization request, a routed
 * client). Passed to a {@link TenantScoped} bean, it confines the call to that workspace.
 */
public interface WorkspaceBound {
  UUID workspaceId();
}
