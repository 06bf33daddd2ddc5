package io.secureflows.audit;

import io.secureflows.platform.error.FieldError;
import io.secureflows.platform.error.InvalidInputException;
import io.secureflows.platform.rest.QueryParameters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Filters of an audit or access-log query, parsed from query parameters: a time range {@code [from,
 * to)}, exact matches, a page size and where the previous page ended (keyset, newest first). Values
 * are only ever bound as parameters.
 *
 * @param actor an actor id (audit)
 * @param action an action name (audit)
 * @param route a route template (access log)
 * @param status an HTTP status (access log)
 */
public record LogQuery(
    Instant from,
    Instant to,
    String actor,
    String action,
    UUID sessionId,
    UUID applicationId,
    String route,
    Integer status,
    int limit,
    Cursor after) {
  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1_000;
  private static final Pattern ACTION = Pattern.compile("[a-z_]{1,30}(\\.[a-z_]{1,30}){0,2}");

  /** The last row of a page. */
  public record Cursor(Instant occurredAt, String id) {
    public String encode() {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString((occurredAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String encoded) {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|");
      if (parts.length != 2 || !parts[1].matches("[0-9a-f-]{1,36}")) {
        throw new IllegalArgumentException("not a cursor");
      }
      return new Cursor(Instant.parse(parts[0]), parts[1]);
    }
  }

  /**
   * Parses a query of one log: the filters of the other log are ignored ({@code action} is the
   * audit's, {@code route} and {@code status} the access log's).
   */
  public static LogQuery parseFor(
      LogTable table,
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
    boolean audit = table == LogTable.AUDIT;
    return parse(
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

  /** Every parameter is optional; every bad one is reported at once. */
  public static LogQuery parse(
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
    List<FieldError> errors = new ArrayList<>();
    Instant parsedFrom = instant("from", from, errors);
    Instant parsedTo = instant("to", to, errors);
    if (parsedFrom != null && parsedTo != null && !parsedFrom.isBefore(parsedTo)) {
      errors.add(new FieldError("to", "must be after from"));
    }
    String parsedActor = blankToNull(actor);
    if (parsedActor != null && (parsedActor.length() > 100 || !parsedActor.matches("[\\w.:@-]+"))) {
      errors.add(new FieldError("actor", "must be an actor id"));
    }
    String parsedAction = blankToNull(action);
    if (parsedAction != null && !ACTION.matcher(parsedAction).matches()) {
      errors.add(new FieldError("action", "must be an action name such as session.revoked"));
    }
    String parsedRoute = blankToNull(route);
    if (parsedRoute != null && (parsedRoute.length() > 200 || !parsedRoute.startsWith("/"))) {
      errors.add(new FieldError("route", "must be a route template such as /v1/session/payload"));
    }
    Integer parsedStatus = null;
    if (blankToNull(status) != null) {
      try {
        parsedStatus = Integer.parseInt(status);
      } catch (NumberFormatException e) {
        parsedStatus = -1;
      }
      if (parsedStatus < 100 || parsedStatus > 599) {
        errors.add(new FieldError("status", "must be an HTTP status from 100 to 599"));
      }
    }
    int parsedLimit = DEFAULT_LIMIT;
    if (blankToNull(limit) != null) {
      try {
        parsedLimit = Integer.parseInt(limit);
      } catch (NumberFormatException e) {
        parsedLimit = -1;
      }
      if (parsedLimit < 1 || parsedLimit > MAX_LIMIT) {
        errors.add(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
      }
    }
    Cursor after = null;
    if (blankToNull(cursor) != null) {
      try {
        after = Cursor.decode(cursor);
      } catch (RuntimeException e) {
        errors.add(new FieldError("cursor", "is not a cursor this API returned"));
      }
    }
    UUID session = QueryParameters.uuid("sessionId", sessionId, errors);
    UUID application = QueryParameters.uuid("applicationId", applicationId, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new LogQuery(
        parsedFrom,
        parsedTo,
        parsedActor,
        parsedAction,
        session,
        application,
        parsedRoute,
        parsedStatus,
        parsedLimit,
        after);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static Instant instant(String field, String value, List<FieldError> errors) {
    if (blankToNull(value) == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "must be an ISO-8601 instant such as 2026-12-04T10:00:00Z"));
      return null;
    }
  }
}
