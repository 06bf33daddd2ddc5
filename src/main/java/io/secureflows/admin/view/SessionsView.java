package io.secureflows.admin.view;

import io.secureflows.admin.facade.ConsoleWorkspace;
import io.secureflows.admin.facade.SessionFacade;
import io.secureflows.admin.facade.dto.SessionPage;
import io.secureflows.admin.facade.dto.SessionRow;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * Sessions of the workspace in a lazy table over the admin API's keyset search: a page costs the
 * same on the millionth row as on the first, so the table pages forward and back (it never counts
 * or jumps, which would need an offset scan). Filters: user, application, state; sort: created or
 * last seen, either way. The filters are query parameters too, so a filtered page has an address.
 */
@Named
@ViewScoped
public class SessionsView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject ConsoleScope console;

  @Inject SessionFacade sessions;

  private ConsoleWorkspace workspace;
  private String userId;
  private String applicationId;
  private String state;
  private final SessionModel model = new SessionModel();

  public void load() {
    workspace = console.workspace();
  }

  /** A new search: back to the first page. */
  public void search() {
    model.restart();
    if (FacesContext.getCurrentInstance().getViewRoot().findComponent(":sessions:list")
        instanceof DataTable table) {
      table.setFirst(0);
    }
  }

  public void revoke(SessionRow session) {
    Actions.run(() -> sessions.revoke(workspace, session.id()), "Session revoked");
  }

  public void revokeAllOfUser(SessionRow session) {
    Integer revoked = Actions.call(() -> sessions.revokeAllOf(workspace, session.userId()), null);
    if (revoked != null) {
      Actions.info(revoked + " session(s) of the user signed out");
    }
  }

  public LazyDataModel<SessionRow> getModel() {
    return model;
  }

  /** Keyset paging: the cursor that starts each page already visited. */
  private final class SessionModel extends LazyDataModel<SessionRow> {
    private static final long serialVersionUID = 1L;

    private final Map<Integer, String> cursors = new HashMap<>();
    private String sortKey = "-createdAt";
    private int known;

    void restart() {
      cursors.clear();
      known = 0;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return known;
    }

    @Override
    public List<SessionRow> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      String sort = sortOf(sortBy);
      if (!sort.equals(sortKey)) {
        sortKey = sort;
        restart();
      }
      int pageIndex = pageSize == 0 ? 0 : first / pageSize;
      String cursor = pageIndex == 0 ? null : cursors.get(pageIndex);
      if (workspace == null || pageIndex > 0 && cursor == null) {
        setRowCount(known);
        return List.of();
      }
      SessionPage page =
          Actions.call(
              () ->
                  sessions.search(
                      workspace, userId, applicationId, state, sortKey, pageSize, cursor),
              null);
      if (page == null) {
        setRowCount(0);
        return List.of();
      }
      if (page.next() != null) {
        cursors.put(pageIndex + 1, page.next());
      }
      // The paginator learns of one more page only when there is one.
      known = first + page.rows().size() + (page.next() == null ? 0 : 1);
      setRowCount(known);
      return page.rows();
    }

    private String sortOf(Map<String, SortMeta> sortBy) {
      for (SortMeta meta : sortBy.values()) {
        if (meta.getOrder() == SortOrder.UNSORTED) {
          continue;
        }
        String field = "lastSeenAt".equals(meta.getField()) ? "lastSeenAt" : "createdAt";
        return (meta.getOrder() == SortOrder.DESCENDING ? "-" : "") + field;
      }
      return "-createdAt";
    }

    @Override
    public String getRowKey(SessionRow row) {
      return row.id().toString();
    }

    @Override
    public SessionRow getRowData(String rowKey) {
      return getWrappedData() == null
          ? null
          : ((List<SessionRow>) getWrappedData())
              .stream().filter(r -> r.id().toString().equals(rowKey)).findFirst().orElse(null);
    }
  }

  public String getUserId() {
    return userId;
  }

  public void setUserId(String userId) {
    this.userId = emptyToNull(userId);
  }

  public String getApplicationId() {
    return applicationId;
  }

  public void setApplicationId(String applicationId) {
    this.applicationId = emptyToNull(applicationId);
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = emptyToNull(state);
  }

  private static String emptyToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
