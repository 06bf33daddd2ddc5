package io.secureflows.audit.api;

import io.secureflows.audit.AuditTrail;
import io.secureflows.audit.LogExport;
import io.secureflows.audit.LogQuery;
import io.secureflows.audit.LogReader;
import io.secureflows.audit.LogTable;
import io.secureflows.platform.error.InvalidInputException;
import io.secureflows.platform.rest.CacheControls;
import io.secureflows.platform.tenancy.WorkspaceScopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.UUID;

/**
 * What the audit and the access-log resources share: a page of one of a workspace's logs (newest
 * first, keyset {@code cursor}) and the export of every matching row, oldest first, streamed. The
 * resources declare their own JAX-RS methods so that the OpenAPI description names their paths.
 */
@ApplicationScoped
public class LogEndpoints {

  @Inject AuditTrail trail;

  @Inject WorkspaceScopes scopes;

  Response page(LogTable table, UUID workspace, LogFilters filters, String limit, String cursor) {
    LogQuery query = filters.parse(table, limit, cursor);
    LogReader.Page page = trail.page(table, workspace, query);
    return Response.ok(
            new LogPageView(page.rows(), page.next() == null ? null : page.next().encode()),
            MediaType.APPLICATION_JSON_TYPE)
        .cacheControl(CacheControls.noStore())
        .build();
  }

  Response export(LogTable table, UUID workspace, String format, LogFilters filters) {
    LogExport.Format chosen = LogExport.Format.named(format);
    if (chosen == null) {
      throw InvalidInputException.of("format", "must be jsonl or csv");
    }
    LogQuery query = filters.parse(table, null, null);
    trail.requireReadable(workspace);
    StreamingOutput body =
        output -> LogExport.stream(scopes, trail, table, workspace, query, chosen, output);
    return Response.ok(body, chosen.mediaType)
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + LogExport.fileName(table, workspace, chosen) + "\"")
        .cacheControl(CacheControls.noStore())
        .build();
  }
}
