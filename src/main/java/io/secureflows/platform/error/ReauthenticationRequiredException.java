package io.secureflows.platform.error;

/**
 * The caller's token was genuine but no longer opens anything: it expired, its session was signed
 * out, or the session itself ended. Answered 410 with a problem type ending in {@code
 * /reauthenticate}: sign in again; nothing was lost.
 */
public class ReauthenticationRequiredException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReauthenticationRequiredException(String message) {
    super(message, null, false, false);
  }
}
