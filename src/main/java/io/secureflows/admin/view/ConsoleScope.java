package io.secureflows.admin.view;

import io.secureflows.admin.facade.ConsoleWorkspace;
import io.secureflows.admin.facade.WorkspaceFacade;
import io.secureflows.admin.facade.dto.WorkspaceRow;
import io.secureflows.admin.security.ConsoleSignIn;
import io.secureflows.audit.AuditLog;
import io.secureflows.audit.AuditRecord;
import io.secureflows.platform.error.NotFoundException;
import io.secureflows.platform.error.OutOfScopeException;
import io.secureflows.platform.tenancy.Caller;
import io.secureflows.platform.tenancy.CallerContext;
import io.secureflows.platform.tenancy.OperatorRole;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who is signed in and which workspace the page shows. The workspace comes from the {@code ws}
 * query parameter (so a page's address names it and can be bookmarked), else the operator's own
 * workspace, else the first one a platform operator sees. A workspace outside the operator's scope
 * answers 404, exactly like one that does not exist (and is audited as {@code access.denied}); a
 * page the role may not use answers 403.
 */
@Named("console")
@RequestScoped
public class ConsoleScope {

  @Inject CallerContext callers;

  @Inject WorkspaceFacade workspaces;

  @Inject FacesContext faces;

  @Inject AuditLog auditLog;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  static final int PICKER_SIZE = 50;

  private static final String VIEW_WORKSPACE = "sf.console.workspace";

  private String ws;
  private String selected;
  private List<WorkspaceRow> visible;
  private WorkspaceRow current;
  private boolean resolved;

  /** View action of every workspace page: resolves the workspace or answers 404. */
  public void requireWorkspace() {
    if (faces.getResponseComplete()) {
      return;
    }
    try {
      resolve();
    } catch (OutOfScopeException denied) {
      auditLog.recordAlone(AuditRecord.accessDenied(caller(), denied.requestedWorkspace()));
      sendError(HttpServletResponse.SC_NOT_FOUND);
    } catch (NotFoundException | IllegalArgumentException e) {
      sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }

  /** View action of the dashboard: auditors, who may not use it, go to their audit log. */
  public void sendAuditorsToTheirLog() throws IOException {
    if (caller().role() == OperatorRole.AUDITOR) {
      faces
          .getExternalContext()
          .redirect(faces.getExternalContext().getRequestContextPath() + "/admin/audit.xhtml");
      faces.responseComplete();
    }
  }

  /** View action of pages an auditor may not use (everything but the logs). */
  public void refuseAuditors() {
    if (caller().role() == OperatorRole.AUDITOR) {
      sendError(HttpServletResponse.SC_FORBIDDEN);
    }
  }

  public void requirePlatformOperator() {
    if (caller().role() != OperatorRole.PLATFORM_OPERATOR) {
      sendError(HttpServletResponse.SC_FORBIDDEN);
    }
  }

  private void resolve() {
    if (resolved) {
      return;
    }
    resolved = true;
    Map<String, Object> view = faces.getViewRoot().getViewMap();
    String chosen = ws != null && !ws.isBlank() ? ws.strip() : (String) view.get(VIEW_WORKSPACE);
    if (chosen != null) {
      current = workspaces.get(new ConsoleWorkspace(UUID.fromString(chosen)));
    } else {
      current =
          caller()
              .workspaceId()
              .map(id -> workspaces.get(new ConsoleWorkspace(id)))
              .orElseGet(() -> workspaces.search(null, 1).stream().findFirst().orElse(null));
    }
    if (current != null) {
      // Postbacks carry no query string: the view remembers its workspace in its own state.
      view.put(VIEW_WORKSPACE, current.id().toString());
    }
  }

  private void sendError(int status) {
    try {
      faces.getExternalContext().responseSendError(status, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }

  /** The workspace of the page, or null when there is none yet (a fresh platform). */
  public ConsoleWorkspace workspace() {
    resolve();
    return current == null ? null : new ConsoleWorkspace(current.id());
  }

  public WorkspaceRow getCurrent() {
    resolve();
    return current;
  }

  /**
   * The picker's choices: the first {@value #PICKER_SIZE} workspaces by name, and the page's own (a
   * platform with thousands of workspaces finds the others on the Workspaces page).
   */
  public List<WorkspaceRow> getWorkspaces() {
    if (visible == null) {
      List<WorkspaceRow> first = new ArrayList<>(workspaces.search(null, PICKER_SIZE));
      WorkspaceRow page = getCurrent();
      if (page != null && first.stream().noneMatch(w -> w.id().equals(page.id()))) {
        first.add(0, page);
      }
      visible = first;
    }
    return visible;
  }

  public String getWs() {
    return ws;
  }

  public void setWs(String ws) {
    this.ws = ws;
  }

  /** The page's workspace id for links, or null. */
  public String getWorkspaceId() {
    resolve();
    return current == null ? null : current.id().toString();
  }

  public String getSelected() {
    return selected != null ? selected : getWorkspaceId();
  }

  public void setSelected(String selected) {
    this.selected = selected;
  }

  /** The picker changed: the same page, in the chosen workspace. */
  public void switchWorkspace() throws IOException {
    String viewId = faces.getViewRoot().getViewId();
    String url =
        faces
            .getExternalContext()
            .encodeRedirectURL(
                faces.getExternalContext().getRequestContextPath() + viewId,
                Map.of("ws", List.of(UUID.fromString(selected).toString())));
    faces.getExternalContext().redirect(url);
  }

  /** The signed-in operator's username. */
  public String getUsername() {
    return faces.getExternalContext().getSessionMap().get(ConsoleSignIn.SESSION_ATTRIBUTE)
            instanceof ConsoleSignIn signIn
        ? signIn.username()
        : "";
  }

  /** A time as the console shows it everywhere: UTC, to the second. */
  public String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  public Caller caller() {
    return callers.require();
  }

  public String getRole() {
    return caller().role().externalName();
  }

  public boolean isPlatformOperator() {
    return caller().role() == OperatorRole.PLATFORM_OPERATOR;
  }

  public boolean isAuditor() {
    return caller().role() == OperatorRole.AUDITOR;
  }

  /** Whether the operator is confined to one workspace (and cannot pick another). */
  public boolean isConfined() {
    return !caller().isPlatformWide();
  }

  /** Whether the operator may change things in the page's workspace. */
  public boolean isManager() {
    return !isAuditor();
  }
}
