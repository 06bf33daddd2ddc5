package io.secureflows.admin.view;

import io.secureflows.admin.facade.ConsoleWorkspace;
import io.secureflows.admin.facade.LogFacade;
import io.secureflows.admin.facade.dto.ChainStatus;
import io.secureflows.admin.facade.dto.LogFilter;
import io.secureflows.admin.facade.dto.LogPage;
import io.secureflows.audit.LogExport;
import io.secureflows.audit.LogQuery;
import io.secureflows.audit.LogTable;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * One of the workspace's logs, newest first, a keyset page at a time, with the admin API's filters;
 * export of every matching row (JSON Lines or CSV) and, for the audit log, the chain's
 * verification.
 */
public abstract class LogView implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int PAGE = 50;

  @Inject ConsoleScope console;

  @Inject LogFacade logs;

  private ConsoleWorkspace workspace;
  private final List<String> cursors = new ArrayList<>();
  private LogPage page;
  private ChainStatus chain;
  private String from;
  private String to;
  private String actor;
  private String action;
  private String sessionId;
  private String applicationId;
  private String route;
  private String status;

  abstract LogTable table();

  public void load() {
    workspace = console.workspace();
    search();
  }

  public void search() {
    cursors.clear();
    show(null);
  }

  public void next() {
    if (page != null && page.next() != null) {
      cursors.add(page.next());
      show(page.next());
    }
  }

  public void previous() {
    if (!cursors.isEmpty()) {
      cursors.remove(cursors.size() - 1);
      show(cursors.isEmpty() ? null : cursors.get(cursors.size() - 1));
    }
  }

  private void show(String cursor) {
    if (workspace == null) {
      return;
    }
    LogPage shown = Actions.call(() -> logs.page(workspace, table(), filter(), PAGE, cursor), null);
    if (shown != null) {
      page = shown;
    }
  }

  public void verify() {
    chain = Actions.call(() -> logs.verify(workspace), null);
  }

  /** Every matching row, oldest first; the filter is checked before the download starts. */
  public StreamedContent export(String formatName) {
    LogExport.Format format = LogExport.Format.named(formatName);
    LogTable table = table();
    ConsoleWorkspace target = workspace;
    LogQuery query = Actions.call(() -> logs.exportQuery(target, table, filter()), null);
    if (query == null) {
      return null;
    }
    return DefaultStreamedContent.builder()
        .name(LogExport.fileName(table, target.id(), format))
        .contentType(format.mediaType)
        .writer(
            output -> {
              try {
                logs.export(target, table, query, format, output);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .build();
  }

  private LogFilter filter() {
    return new LogFilter(from, to, actor, action, sessionId, applicationId, route, status);
  }

  public List<Map<String, Object>> getRows() {
    return page == null ? List.of() : page.rows();
  }

  public boolean isHasNext() {
    return page != null && page.next() != null;
  }

  public boolean isHasPrevious() {
    return !cursors.isEmpty();
  }

  public int getPageNumber() {
    return cursors.size() + 1;
  }

  public ChainStatus getChain() {
    return chain;
  }

  public String getName() {
    return table().name().toLowerCase(Locale.ROOT);
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getSessionId() {
    return sessionId;
  }

  public void setSessionId(String sessionId) {
    this.sessionId = sessionId;
  }

  public String getApplicationId() {
    return applicationId;
  }

  public void setApplicationId(String applicationId) {
    this.applicationId = applicationId;
  }

  public String getRoute() {
    return route;
  }

  public void setRoute(String route) {
    this.route = route;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }
}
