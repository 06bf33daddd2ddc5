package io.secureflows.admin.view;

import io.secureflows.admin.facade.OperatorFacade;
import io.secureflows.admin.facade.dto.OperatorRow;
import io.secureflows.platform.error.InvalidInputException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import org.primefaces.PrimeFaces;

/**
 * Console accounts (platform operators only): create, disable and enable, change role, unlock,
 * reset a password, remove a lost second factor. Nobody can disable or demote themselves.
 */
@Named
@ViewScoped
public class OperatorsView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject OperatorFacade operators;

  private List<OperatorRow> rows;
  private UUID editing;
  private String username;
  private String password;
  private String role = "workspace-admin";
  private String workspaceId;

  public void load() {
    rows = operators.list();
  }

  public void startCreate() {
    editing = null;
    username = null;
    password = null;
    role = "workspace-admin";
    workspaceId = null;
  }

  public void create() {
    if (Actions.call(
            () -> operators.create(username, password, role, workspace()), "Operator created")
        != null) {
      load();
      PrimeFaces.current().ajax().addCallbackParam("saved", true);
    }
    password = null;
  }

  public void startEdit(OperatorRow row) {
    editing = row.id();
    username = row.username();
    role = row.role();
    workspaceId = row.workspaceId() == null ? null : row.workspaceId().toString();
    password = null;
  }

  public void saveRole() {
    if (Actions.run(() -> operators.changeRole(editing, role, workspace()), "Role changed")) {
      load();
      PrimeFaces.current().ajax().addCallbackParam("saved", true);
    }
  }

  public void resetPassword() {
    if (Actions.run(() -> operators.resetPassword(editing, password), "Password reset")) {
      load();
      PrimeFaces.current().ajax().addCallbackParam("saved", true);
    }
    password = null;
  }

  public void disable(OperatorRow row) {
    if (Actions.run(() -> operators.disable(row.id()), row.username() + " disabled")) {
      load();
    }
  }

  public void enable(OperatorRow row) {
    if (Actions.run(() -> operators.enable(row.id()), row.username() + " enabled")) {
      load();
    }
  }

  public void unlock(OperatorRow row) {
    if (Actions.run(() -> operators.unlock(row.id()), row.username() + " unlocked")) {
      load();
    }
  }

  public void removeSecondFactor(OperatorRow row) {
    if (Actions.run(
        () -> operators.removeSecondFactor(row.id()),
        "Second factor of " + row.username() + " removed")) {
      load();
    }
  }

  /** The workspace a workspace admin (or a confined auditor) is bound to; none for the others. */
  private UUID workspace() {
    if ("platform-operator".equals(role) || workspaceId == null || workspaceId.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(workspaceId.strip());
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of(
          "workspace", "is not a workspace id (see the Workspaces page)");
    }
  }

  public List<OperatorRow> getRows() {
    return rows;
  }

  public boolean isEditing() {
    return editing != null;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public String getWorkspaceId() {
    return workspaceId;
  }

  public void setWorkspaceId(String workspaceId) {
    this.workspaceId = workspaceId;
  }
}
