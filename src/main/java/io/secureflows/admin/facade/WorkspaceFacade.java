package io.secureflows.admin.facade;

import io.secureflows.admin.facade.dto.WorkspaceRow;
import io.secureflows.platform.tenancy.TenantScoped;
import io.secureflows.workspace.app.WorkspaceService;
import io.secureflows.workspace.domain.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Workspaces as the console lists, creates and renames them. */
@ApplicationScoped
@TenantScoped
public class WorkspaceFacade {

  @Inject WorkspaceService workspaces;

  /** The visible workspaces whose name contains the text, by name, at most {@code limit}. */
  public List<WorkspaceRow> search(String nameContains, int limit) {
    return workspaces.search(nameContains, limit).stream().map(WorkspaceFacade::row).toList();
  }

  public WorkspaceRow get(ConsoleWorkspace workspace) {
    return row(workspaces.get(workspace.id()));
  }

  public WorkspaceRow create(String name) {
    return row(workspaces.create(name));
  }

  public WorkspaceRow rename(ConsoleWorkspace workspace, String name) {
    return row(workspaces.rename(workspace.id(), name));
  }

  private static WorkspaceRow row(Workspace workspace) {
    return new WorkspaceRow(
        workspace.id(), workspace.name(), workspace.createdAt(), workspace.updatedAt());
  }
}
