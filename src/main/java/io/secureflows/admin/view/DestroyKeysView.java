package io.secureflows.admin.view;

import io.secureflows.admin.facade.ConsoleWorkspace;
import io.secureflows.admin.facade.KeyFacade;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Crypto-shredding of a workspace: every key version destroyed, every payload unreadable for good.
 * A protected view, and the operator types the workspace id to confirm; the destruction is audited
 * before it happens (fail closed).
 */
@Named
@ViewScoped
public class DestroyKeysView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject ConsoleScope console;

  @Inject KeyFacade keys;

  private ConsoleWorkspace workspace;
  private String confirmation;
  private boolean destroyed;

  public void load() {
    workspace = console.workspace();
  }

  public void destroy() {
    destroyed =
        Actions.run(
            () -> keys.destroy(workspace, confirmation),
            "Every key of the workspace was destroyed; its payloads can no longer be read");
    confirmation = null;
  }

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }

  public boolean isDestroyed() {
    return destroyed;
  }
}
