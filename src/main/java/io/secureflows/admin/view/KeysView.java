package io.secureflows.admin.view;

import io.secureflows.admin.facade.ConsoleWorkspace;
import io.secureflows.admin.facade.KeyFacade;
import io.secureflows.admin.facade.dto.KeyRow;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The workspace's key versions: rotate, watch the rewrap job move records to the active version
 * (the page polls), retire a version that protects nothing. Destruction has its own protected page.
 */
@Named
@ViewScoped
public class KeysView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject ConsoleScope console;

  @Inject KeyFacade keys;

  private ConsoleWorkspace workspace;
  private List<KeyRow> rows;

  public void load() {
    workspace = console.workspace();
    refresh();
  }

  public void refresh() {
    rows = workspace == null ? List.of() : keys.status(workspace);
  }

  public void rotate() {
    List<KeyRow> rotated =
        Actions.call(
            () -> keys.rotate(workspace),
            "Key rotated: new data uses the new version; the rewrap job moves the rest");
    if (rotated != null) {
      rows = rotated;
    }
  }

  public void retire(KeyRow key) {
    List<KeyRow> retired =
        Actions.call(
            () -> keys.retire(workspace, key.version()), "Version " + key.version() + " retired");
    if (retired != null) {
      rows = retired;
    }
  }

  public List<KeyRow> getRows() {
    return rows;
  }

  /** Share of the workspace's encrypted records under the active version, 0 to 100. */
  public int getRewrapPercent() {
    return KeyRow.rewrapPercent(rows);
  }

  /** Whether records still wait under older versions. */
  public boolean isRewrapping() {
    return getRewrapPercent() < 100;
  }
}
