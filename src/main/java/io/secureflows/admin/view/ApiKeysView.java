package io.secureflows.admin.view;

import io.secureflows.admin.facade.ApiKeyFacade;
import io.secureflows.admin.facade.ConsoleWorkspace;
import io.secureflows.admin.facade.dto.ApiKeyRow;
import io.secureflows.admin.facade.dto.IssuedKey;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The workspace's admin API keys. A new key's secret is shown once, right after it is issued; the
 * server keeps only its hash.
 */
@Named
@ViewScoped
public class ApiKeysView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject ConsoleScope console;

  @Inject ApiKeyFacade keys;

  private ConsoleWorkspace workspace;
  private List<ApiKeyRow> rows;
  private String name;
  private String role = "workspace-admin";
  private String issuedSecret;

  public void load() {
    workspace = console.workspace();
    rows = workspace == null ? List.of() : keys.list(workspace);
  }

  public void issue() {
    IssuedKey issued =
        Actions.call(
            () -> keys.issue(workspace, name, role), "Key issued: copy it now, it is shown once");
    if (issued != null) {
      issuedSecret = issued.secret();
      name = null;
      rows = keys.list(workspace);
    }
  }

  public void revoke(ApiKeyRow key) {
    if (Actions.run(() -> keys.revoke(workspace, key.id()), "Key " + key.name() + " revoked")) {
      rows = keys.list(workspace);
    }
  }

  /** The secret of the key just issued, once: reading it forgets it. */
  public String takeIssuedSecret() {
    String secret = issuedSecret;
    issuedSecret = null;
    return secret;
  }

  public boolean isIssued() {
    return issuedSecret != null;
  }

  public List<ApiKeyRow> getRows() {
    return rows;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }
}
