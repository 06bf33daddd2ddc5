package io.secureflows.platform.persistence;

import io.secureflows.platform.tenancy.WorkspaceScope;
import java.util.UUID;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Hibernate opens every session for the workspace the thread entered ({@link WorkspaceScope}), or
 * for {@link WorkspaceScope#NONE}, which owns no row. Entities with a {@code @TenantId} are then
 * filtered to it on every query and load, and stamped with it on insert. There is no root tenant:
 * nothing sees every workspace.
 */
public class WorkspaceTenantResolver implements CurrentTenantIdentifierResolver<UUID> {

  @Override
  public UUID resolveCurrentTenantIdentifier() {
    return WorkspaceScope.current();
  }

  @Override
  public boolean validateExistingCurrentSessions() {
    return false;
  }
}
