package io.secureflows.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * How the client reads secureFlows' answers: the few JSON fields it needs, and the exception an
 * error answer becomes. Pure functions of status and body, so they are tested without a server.
 */
final class Answers {
  // One factory for the client's lifetime: looking up the JSON provider per call is costly.
  private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

  // What the server says is put into exception messages, which end up in logs: keep it one
  // short line whatever a proxy in between might send.
  private static final int MAX_QUOTED = 300;

  private Answers() {}

  /** The body as a JSON object, or empty when it is none (not JSON, an array, empty). */
  static Optional<JsonObject> object(byte[] body) {
    if (body == null || body.length == 0) {
      return Optional.empty();
    }
    try (JsonReader reader =
        JSON.createReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
      JsonValue value = reader.readValue();
      return value.getValueType() == JsonValue.ValueType.OBJECT
          ? Optional.of(value.asJsonObject())
          : Optional.empty();
    } catch (RuntimeException notJson) {
      return Optional.empty();
    }
  }

  /** A string member, or null when it is missing or not a string. */
  static String string(JsonObject object, String name) {
    return object.get(name) instanceof JsonString text ? text.getString() : null;
  }

  /**
   * The exception for an error answer of the session API ({@code operation} names the call, such as
   * {@code "GET /api/v1/session/payload"}). The body is an RFC 9457 problem; anything else still
   * gives an exception with the status, without quoting the body.
   */
  static SecureFlowsException sessionApiFailure(String operation, int status, byte[] body) {
    Optional<JsonObject> problem = object(body);
    String type = problem.map(p -> string(p, "type")).orElse(null);
    String title = problem.map(p -> string(p, "title")).orElse(null);
    String detail = problem.map(p -> string(p, "detail")).orElse(null);
    String said = said(title, detail);
    return switch (status) {
      case 410 ->
          new ReauthenticationRequiredException(
              "Sign in again: secureFlows no longer accepts this session's token ("
                  + operation
                  + " answered 410"
                  + said
                  + "). Run the hosted login again and exchange the new code; the session's stored"
                  + " data is kept.",
              type,
              title,
              detail);
      case 401 ->
          new InvalidTokenException(
              "secureFlows refused the sessionToken as invalid ("
                  + operation
                  + " answered 401"
                  + said
                  + "): it was not issued by this server's token endpoint for this client id, or it"
                  + " was altered. Retrying or waiting will not help; check the client's base URI and"
                  + " client id, and where the token came from.",
              type,
              title,
              detail);
      case 412 ->
          new PreconditionFailedException(
              "The payload changed since the version named in If-Match ("
                  + operation
                  + " answered 412"
                  + said
                  + "); nothing was written. Read the payload again, merge, and write with its new"
                  + " ETag.",
              type,
              title,
              detail);
      default ->
          new SecureFlowsException(
              sentence(operation + " failed with HTTP " + status + said),
              status,
              type,
              title,
              detail,
              null);
    };
  }

  /**
   * The exception for an error answer of the token endpoint, which speaks RFC 6749 ({@code
   * {"error", "error_description"}}) so that standard OAuth clients work unchanged.
   */
  static SecureFlowsException tokenFailure(int status, byte[] body) {
    Optional<JsonObject> answer = object(body);
    String error = answer.map(a -> string(a, "error")).orElse(null);
    String description = answer.map(a -> string(a, "error_description")).orElse(null);
    String hint =
        "invalid_grant".equals(error)
            ? " A code works once, within 60 seconds, with its own PKCE verifier and the same client"
                + " id and redirect URI; start the login again."
            : "";
    return new SecureFlowsException(
        sentence(
                "The token request (POST /api/v1/token) failed with HTTP "
                    + status
                    + said(error, description))
            + hint,
        status,
        null,
        error,
        description,
        error);
  }

  /** {@code ": title: detail"} as far as the server said anything, quoted safely. */
  private static String said(String title, String detail) {
    StringBuilder text = new StringBuilder();
    if (title != null && !title.isBlank()) {
      text.append(": ").append(quoted(title));
    }
    if (detail != null && !detail.isBlank()) {
      text.append(": ").append(quoted(detail));
    }
    return text.toString();
  }

  /** The text ending in a full stop, unless the server's own words already end a sentence. */
  private static String sentence(String text) {
    return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") || text.endsWith("…")
        ? text
        : text + ".";
  }

  /** One line, at most {@link #MAX_QUOTED} characters: no forged log lines, no floods. */
  static String quoted(String text) {
    StringBuilder line = new StringBuilder(Math.min(text.length(), MAX_QUOTED + 1));
    text.codePoints()
        .limit(MAX_QUOTED)
        .forEach(c -> line.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    if (text.codePointCount(0, text.length()) > MAX_QUOTED) {
      line.append('…');
    }
    return line.toString().strip();
  }
}
