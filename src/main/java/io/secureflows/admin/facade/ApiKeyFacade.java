package io.secureflows.admin.facade;

import io.secureflows.admin.facade.dto.ApiKeyRow;
import io.secureflows.admin.facade.dto.IssuedKey;
import io.secureflows.operator.app.ApiKeyService;
import io.secureflows.operator.app.IssuedApiKey;
import io.secureflows.operator.domain.ApiKey;
import io.secureflows.platform.error.InvalidInputException;
import io.secureflows.platform.tenancy.OperatorRole;
import io.secureflows.platform.tenancy.TenantScoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** A workspace's admin API keys: list, issue (the secret shown once) and revoke. */
@ApplicationScoped
@TenantScoped
public class ApiKeyFacade {

  @Inject ApiKeyService keys;

  public List<ApiKeyRow> list(ConsoleWorkspace workspace) {
    return keys.list(workspace.id()).stream().map(ApiKeyFacade::row).toList();
  }

  public IssuedKey issue(ConsoleWorkspace workspace, String name, String role) {
    OperatorRole parsed = OperatorRole.fromExternalName(role);
    if (parsed == null) {
      throw InvalidInputException.of("role", "must be workspace-admin or auditor");
    }
    IssuedApiKey issued = keys.issueForWorkspace(workspace.id(), name, parsed);
    return new IssuedKey(row(issued.key()), issued.secret());
  }

  public void revoke(ConsoleWorkspace workspace, UUID keyId) {
    keys.revoke(workspace.id(), keyId);
  }

  private static ApiKeyRow row(ApiKey key) {
    return new ApiKeyRow(
        key.id(),
        key.name(),
        key.role().externalName(),
        key.createdAt(),
        key.revokedAt().orElse(null));
  }
}
