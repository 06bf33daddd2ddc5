package io.secureflows.admin.facade;

import io.secureflows.admin.facade.dto.KeyRow;
import io.secureflows.crypto.app.KeyStatus;
import io.secureflows.platform.tenancy.TenantScoped;
import io.secureflows.workspace.app.WorkspaceKeyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;

/** A workspace's key versions: status, rotation, retirement and destruction (crypto-shredding). */
@ApplicationScoped
@TenantScoped
public class KeyFacade {

  @Inject WorkspaceKeyService keys;

  public List<KeyRow> status(ConsoleWorkspace workspace) {
    return rows(keys.status(workspace.id()));
  }

  public List<KeyRow> rotate(ConsoleWorkspace workspace) {
    return rows(keys.rotate(workspace.id()));
  }

  public List<KeyRow> retire(ConsoleWorkspace workspace, int version) {
    return rows(keys.retire(workspace.id(), version));
  }

  /**
   * Destroys every key version: the workspace's payloads become unreadable for good. The operator
   * confirms by typing the workspace id, as the admin API asks for it.
   */
  public List<KeyRow> destroy(ConsoleWorkspace workspace, String typedConfirmation) {
    return rows(keys.destroy(workspace.id(), typedConfirmation));
  }

  private static List<KeyRow> rows(List<KeyStatus> statuses) {
    return statuses.stream()
        .map(
            k ->
                new KeyRow(
                    k.version(),
                    k.state().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    k.createdAt(),
                    k.stateChangedAt(),
                    k.protectedRecords()))
        .toList();
  }
}
