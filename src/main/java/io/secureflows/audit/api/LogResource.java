package io.secureflows.audit.api;

import io.secureflows.audit.AuditTrail;
import io.secureflows.audit.LogQuery;
import io.secureflows.audit.LogReader;
import io.secureflows.audit.LogTable;
import io.secureflows.platform.error.InvalidInputException;
import io.secureflows.platform.rest.PathIds;
import io.secureflows.platform.tenancy.WorkspaceScopes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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

  /** Parses the filters this log offers; the other log's filters are ignored. */
  private LogQuery query(
      String from,
      String to,
      String actor,
      String action,
      String sessionId,
      String applicationId,
      String route,
      String status,
      String limit,
      String cursor) {
    boolean audit = table() == LogTable.AUDIT;
    return LogQuery.parse(
        from,
        to,
        actor,
        audit ? action : null,
        sessionId,
        applicationId,
        audit ? null : route,
        audit ? null : status,
        limit,
        cursor);
  }

  @GET
  public Response page(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("sessionId") String sessionId,
      @QueryParam("applicationId") String applicationId,
      @QueryParam("route") String route,
      @QueryParam("status") String status,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    LogQuery query =
        query(from, to, actor, action, sessionId, applicationId, route, status, limit, cursor);
    LogReader.Page page = trail.page(table(), workspace(), query);
    return Response.ok(
            new LogPageView(page.rows(), page.next() == null ? null : page.next().encode()),
            MediaType.APPLICATION_JSON_TYPE)
        .cacheControl(noStore())
        .build();
  }

  @GET
  @Path("export")
  public Response export(
      @QueryParam("format") String format,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("sessionId") String sessionId,
      @QueryParam("applicationId") String applicationId,
      @QueryParam("route") String route,
      @QueryParam("status") String status) {
    LogExport.Format chosen = LogExport.Format.named(format);
    if (chosen == null) {
      throw InvalidInputException.of("format", "must be jsonl or csv");
    }
    LogQuery query =
        query(from, to, actor, action, sessionId, applicationId, route, status, null, null);
    UUID workspace = workspace();
    LogTable table = table();
    trail.requireReadable(workspace);
    StreamingOutput body =
        output -> {
          Writer out =
              new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 65_536);
          LogExport.header(chosen, table, out);
          scopes.run(
              workspace,
              () ->
                  trail.export(
                      table,
                      workspace,
                      query,
                      (Map<String, Object> row) -> LogExport.row(chosen, row, out)));
          out.flush();
        };
    return Response.ok(body, chosen.mediaType)
        .header(
            "Content-Disposition",
            "attachment; filename=\""
                + table.name().toLowerCase(java.util.Locale.ROOT)
                + "-"
                + workspace
                + "."
                + chosen.extension
                + "\"")
        .cacheControl(noStore())
        .build();
  }

  UUID workspace() {
    return PathIds.parse(workspaceId, "Workspace");
  }

  static CacheControl noStore() {
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return noStore;
  }
}
