package io.secureflows.audit.api;

import io.secureflows.audit.AuditTrail;
import io.secureflows.audit.LogExport;
import io.secureflows.audit.LogQuery;
import io.secureflows.audit.LogReader;
import io.secureflows.audit.LogTable;
import io.secureflows.platform.error.InvalidInputException;
import io.secureflows.platform.rest.CacheControls;
import io.secureflows.platform.rest.PathIds;
import io.secureflows.platform.tenancy.WorkspaceScopes;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.UUID;

/**
 * Queries and exports of one of a workspace's logs: {@code GET} a page (newest first, keyset {@code
 * cursor}), {@code GET export?format=jsonl|csv} every matching row oldest first, streamed.
 */
public abstract class LogResource {

  @Inject AuditTrail trail;

  @Inject WorkspaceScopes scopes;

  @PathParam("workspaceId")
  String workspaceId;

  abstract LogTable table();

  @GET
  public Response page(
      @BeanParam LogFilters filters,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    LogQuery query = filters.parse(table(), limit, cursor);
    LogReader.Page page = trail.page(table(), workspace(), query);
    return Response.ok(
            new LogPageView(page.rows(), page.next() == null ? null : page.next().encode()),
            MediaType.APPLICATION_JSON_TYPE)
        .cacheControl(CacheControls.noStore())
        .build();
  }

  @GET
  @Path("export")
  public Response export(@QueryParam("format") String format, @BeanParam LogFilters filters) {
    LogExport.Format chosen = LogExport.Format.named(format);
    if (chosen == null) {
      throw InvalidInputException.of("format", "must be jsonl or csv");
    }
    LogQuery query = filters.parse(table(), null, null);
    UUID workspace = workspace();
    LogTable table = table();
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

  UUID workspace() {
    return PathIds.parse(workspaceId, "Workspace");
  }
}
