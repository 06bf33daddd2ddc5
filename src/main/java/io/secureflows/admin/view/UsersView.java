package io.secureflows.admin.view;

import io.secureflows.admin.facade.ConsoleWorkspace;
import io.secureflows.admin.facade.SessionFacade;
import io.secureflows.admin.facade.UserFacade;
import io.secureflows.admin.facade.dto.UserRow;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import org.primefaces.PrimeFaces;

/** End users of the workspace: search by email prefix, create, disable, unlock, reset password. */
@Named
@ViewScoped
public class UsersView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject ConsoleScope console;

  @Inject UserFacade users;

  @Inject SessionFacade sessions;

  private ConsoleWorkspace workspace;
  private List<UserRow> rows;
  private String search;
  private String email;
  private String password;
  private UUID resetting;

  public void load() {
    workspace = console.workspace();
    find();
  }

  public void find() {
    List<UserRow> found =
        workspace == null ? List.of() : Actions.call(() -> users.search(workspace, search), null);
    rows = found == null ? List.of() : found;
  }

  public void create() {
    if (Actions.call(() -> users.create(workspace, email, password), "User created") != null) {
      email = null;
      password = null;
      find();
      PrimeFaces.current().ajax().addCallbackParam("saved", true);
    }
    password = null;
  }

  public void disable(UserRow user) {
    if (Actions.run(
        () -> users.disable(workspace, user.id()), "User disabled; their sessions are ended")) {
      find();
    }
  }

  public void enable(UserRow user) {
    if (Actions.run(() -> users.enable(workspace, user.id()), "User enabled")) {
      find();
    }
  }

  public void unlock(UserRow user) {
    if (Actions.run(() -> users.unlock(workspace, user.id()), "User unlocked")) {
      find();
    }
  }

  public void revokeSessions(UserRow user) {
    Integer revoked = Actions.call(() -> sessions.revokeAllOf(workspace, user.id()), null);
    if (revoked != null) {
      Actions.info(revoked + " session(s) of " + user.email() + " signed out");
    }
  }

  public void startReset(UserRow user) {
    resetting = user.id();
    password = null;
  }

  public void resetPassword() {
    if (Actions.run(() -> users.resetPassword(workspace, resetting, password), "Password reset")) {
      resetting = null;
      find();
      PrimeFaces.current().ajax().addCallbackParam("saved", true);
    }
    password = null;
  }

  public List<UserRow> getRows() {
    return rows;
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
