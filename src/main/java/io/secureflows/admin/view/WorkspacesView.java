package io.secureflows.admin.view;

import io.secureflows.admin.facade.ConsoleWorkspace;
import io.secureflows.admin.facade.WorkspaceFacade;
import io.secureflows.admin.facade.dto.WorkspaceRow;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/** Workspaces: search by name, create (platform operators), rename. */
@Named
@ViewScoped
public class WorkspacesView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject WorkspaceFacade workspaces;

  /** The most workspaces one search shows: narrow it by name to find others. */
  static final int PAGE = 200;

  private List<WorkspaceRow> rows;
  private String search;
  private String newName;
  private UUID renaming;
  private String rename;

  public void load() {
    rows = workspaces.search(search, PAGE);
  }

  /** Whether more workspaces match than the page shows. */
  public boolean isTruncated() {
    return rows != null && rows.size() >= PAGE;
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search;
  }

  public void create() {
    WorkspaceRow created =
        Actions.call(() -> workspaces.create(newName), "Workspace created with its first key");
    if (created != null) {
      newName = null;
      load();
    }
  }

  public void startRename(WorkspaceRow row) {
    renaming = row.id();
    rename = row.name();
  }

  public void saveRename() {
    if (Actions.run(
        () -> workspaces.rename(new ConsoleWorkspace(renaming), rename), "Workspace renamed")) {
      renaming = null;
      load();
    }
  }

  public List<WorkspaceRow> getRows() {
    return rows;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }

  public String getRename() {
    return rename;
  }

  public void setRename(String rename) {
    this.rename = rename;
  }

  public UUID getRenaming() {
    return renaming;
  }
}
