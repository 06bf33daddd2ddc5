package io.secureflows.session.app;

import io.secureflows.platform.error.FieldError;
import io.secureflows.platform.error.InvalidInputException;
import io.secureflows.platform.rest.QueryParameters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One page of an operator's session search: filters, an order from a fixed list, and where the
 * previous page ended (keyset pagination, so a page costs the same on the millionth row as on the
 * first). Parsed from query parameters; nothing here ever becomes SQL text except the allowlisted
 * {@link Sort} columns.
 *
 * @param after where the previous page ended; null for the first page
 */
public record SessionQuery(
    UUID userId, UUID applicationId, State state, Sort sort, int limit, Cursor after) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  /** What a session is at the moment of the search. */
  public enum State {
    /** Within both lifetimes and not signed out since it was last used. */
    ACTIVE,
    /** Signed out (by its user, an operator or a disabled account) and not signed in again. */
    SIGNED_OUT,
    /** Past its absolute lifetime or idle for longer than its application allows. */
    EXPIRED;

    String externalName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static State fromExternalName(String name) {
      for (State state : values()) {
        if (state.externalName().equals(name)) {
          return state;
        }
      }
      return null;
    }
  }

  /** The orders a search may ask for; each maps to one indexed column, never to client text. */
  public enum Sort {
    CREATED_AT("createdAt", "created_at", false),
    CREATED_AT_DESC("-createdAt", "created_at", true),
    LAST_SEEN_AT("lastSeenAt", "last_seen_at", false),
    LAST_SEEN_AT_DESC("-lastSeenAt", "last_seen_at", true);

    private final String externalName;
    final String column;
    final boolean descending;

    Sort(String externalName, String column, boolean descending) {
      this.externalName = externalName;
      this.column = column;
      this.descending = descending;
    }

    public String externalName() {
      return externalName;
    }
  }

  /** The last row of a page: its sort value and id, for the next page to start after. */
  public record Cursor(Sort sort, Instant value, UUID id) {
    public String encode() {
      String plain = sort.externalName + "|" + value + "|" + id;
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String encoded) {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8)
              .split("\\|", -1);
      if (parts.length != 3) {
        throw new IllegalArgumentException("not a cursor");
      }
      Sort sort = sortNamed(parts[0]);
      if (sort == null) {
        throw new IllegalArgumentException("not a cursor");
      }
      return new Cursor(sort, Instant.parse(parts[1]), UUID.fromString(parts[2]));
    }
  }

  /** Parses the query parameters as the admin API receives them; every problem is reported. */
  public static SessionQuery parse(
      String userId, String applicationId, String state, String sort, String limit, String cursor) {
    List<FieldError> errors = new ArrayList<>();
    UUID user = QueryParameters.uuid("userId", userId, errors);
    UUID application = QueryParameters.uuid("applicationId", applicationId, errors);
    State parsedState = null;
    if (state != null && !state.isEmpty()) {
      parsedState = State.fromExternalName(state);
      if (parsedState == null) {
        errors.add(new FieldError("state", "must be one of active, signed-out, expired"));
      }
    }
    Sort parsedSort = Sort.CREATED_AT_DESC;
    if (sort != null && !sort.isEmpty()) {
      parsedSort = sortNamed(sort);
      if (parsedSort == null) {
        errors.add(
            new FieldError(
                "sort", "must be one of createdAt, -createdAt, lastSeenAt, -lastSeenAt"));
      }
    }
    int parsedLimit = DEFAULT_LIMIT;
    if (limit != null && !limit.isEmpty()) {
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
    if (cursor != null && !cursor.isEmpty()) {
      try {
        after = Cursor.decode(cursor);
      } catch (RuntimeException e) {
        errors.add(new FieldError("cursor", "is not a cursor this API returned"));
      }
      if (after != null && parsedSort != null && after.sort() != parsedSort) {
        errors.add(new FieldError("cursor", "belongs to another sort order"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new SessionQuery(user, application, parsedState, parsedSort, parsedLimit, after);
  }

  private static Sort sortNamed(String name) {
    for (Sort sort : Sort.values()) {
      if (sort.externalName.equals(name)) {
        return sort;
      }
    }
    return null;
  }
}
