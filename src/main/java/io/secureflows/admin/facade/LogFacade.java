package io.secureflows.admin.facade;

import io.secureflows.admin.facade.dto.ChainStatus;
import io.secureflows.admin.facade.dto.LogFilter;
import io.secureflows.admin.facade.dto.LogPage;
import io.secureflows.audit.AuditChainStore;
import io.secureflows.audit.AuditTrail;
import io.secureflows.audit.LogExport;
import io.secureflows.audit.LogQuery;
import io.secureflows.audit.LogReader;
import io.secureflows.audit.LogTable;
import io.secureflows.platform.tenancy.TenantScoped;
import io.secureflows.platform.tenancy.WorkspaceScopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A workspace's audit and access logs: pages, chain verification and exports, through the same
 * {@link AuditTrail} and {@link LogQuery} rules as the admin API (auditors may use all of it).
 */
@ApplicationScoped
@TenantScoped
public class LogFacade {

  @Inject AuditTrail trail;

  @Inject WorkspaceScopes scopes;

  public LogPage page(
      ConsoleWorkspace workspace, LogTable table, LogFilter filter, int limit, String cursor) {
    LogReader.Page page =
        trail.page(table, workspace.id(), query(table, filter, Integer.toString(limit), cursor));
    return new LogPage(page.rows(), page.next() == null ? null : page.next().encode());
  }

  public ChainStatus verify(ConsoleWorkspace workspace) {
    AuditChainStore.Verification result = trail.verify(workspace.id());
    return new ChainStatus(
        result.intact(),
        result.checked(),
        result.unsealed(),
        result.brokenSeq(),
        result.brokenEvent(),
        result.problem());
  }

  /** Checks the filter and the caller's right to read, before a download begins. */
  public LogQuery exportQuery(ConsoleWorkspace workspace, LogTable table, LogFilter filter) {
    trail.requireReadable(workspace.id());
    return query(table, filter, null, null);
  }

  /** Streams every matching row, oldest first, as {@link #exportQuery} checked it. */
  public void export(
      ConsoleWorkspace workspace,
      LogTable table,
      LogQuery query,
      LogExport.Format format,
      OutputStream output)
      throws IOException {
    trail.requireReadable(workspace.id());
    LogExport.stream(scopes, trail, table, workspace.id(), query, format, output);
  }

  private static LogQuery query(LogTable table, LogFilter f, String limit, String cursor) {
    return LogQuery.parseFor(
        table,
        f.from(),
        f.to(),
        f.actor(),
        f.action(),
        f.sessionId(),
        f.applicationId(),
        f.route(),
        f.status(),
        limit,
        cursor);
  }
}
