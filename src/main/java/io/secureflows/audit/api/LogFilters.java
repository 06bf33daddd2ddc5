package io.secureflows.audit.api;

import io.secureflows.audit.LogQuery;
import io.secureflows.audit.LogTable;
import jakarta.ws.rs.QueryParam;

/**
 * The filters of a log query as the query string carries them; a log ignores the filters of the
 * other ({@code action} is the audit's, {@code route} and {@code status} the access log's).
 */
public class LogFilters {
  @QueryParam("from")
  String from;

  @QueryParam("to")
  String to;

  @QueryParam("actor")
  String actor;

  @QueryParam("action")
  String action;

  @QueryParam("sessionId")
  String sessionId;

  @QueryParam("applicationId")
  String applicationId;

  @QueryParam("route")
  String route;

  @QueryParam("status")
  String status;

  LogQuery parse(LogTable table, String limit, String cursor) {
    return LogQuery.parseFor(
        table, from, to, actor, action, sessionId, applicationId, route, status, limit, cursor);
  }
}
