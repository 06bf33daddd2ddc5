package io.secureflows.client;

/**
 * secureFlows refused a call, or answered in a way this client does not understand. It carries the
 * HTTP status and what the server said about it: the RFC 9457 problem's {@code type}, {@code title}
 * and {@code detail} for the session API, or RFC 6749's {@code error} and {@code error_description}
 * for the token endpoint. Never the sessionToken, the code or the payload: the message is safe to
 * log.
 *
 * <p>The subclasses are the answers a caller acts on differently: {@link
 * ReauthenticationRequiredException} (410), {@link InvalidTokenException} (401) and {@link
 * PreconditionFailedException} (412).
 */
public class SecureFlowsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String title;
  private final String detail;
  private final String error;

  /**
   * @param message what went wrong, for people; must not contain a token, code or payload
   * @param status the HTTP status, or 0 when no answer was read
   * @param type the problem's {@code type} URI, or null
   * @param title the problem's {@code title} (for the token endpoint: its {@code error}), or null
   * @param detail the problem's {@code detail} (for the token endpoint: its {@code
   *     error_description}), or null
   * @param error the token endpoint's RFC 6749 {@code error} code, or null
   */
  public SecureFlowsException(
      String message, int status, String type, String title, String detail, String error) {
    super(message);
    this.status = status;
    this.type = type;
    this.title = title;
    this.detail = detail;
    this.error = error;
  }

  /** The HTTP status of the answer; 0 when the failure was not an answer of the server. */
  public int status() {
    return status;
  }

  /**
   * The problem's {@code type} URI (its last segment names the kind, such as {@code
   * reauthenticate}), or null when the answer was not a problem document.
   */
  public String type() {
    return type;
  }

  /** The problem's {@code title}, or the token endpoint's {@code error}; null when absent. */
  public String title() {
    return title;
  }

  /**
   * The problem's {@code detail}, or the token endpoint's {@code error_description}; null when
   * absent.
   */
  public String detail() {
    return detail;
  }

  /**
   * The token endpoint's RFC 6749 error code ({@code invalid_grant}, {@code invalid_client}, {@code
   * invalid_request}, ...), or null for the session API.
   */
  public String error() {
    return error;
  }
}
