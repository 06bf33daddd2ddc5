package io.secureflows.client;

/**
 * {@code 410}: the sessionToken is genuine but no longer works (it expired, the session was signed
 * out or revoked, or no token was sent). Send the user through the hosted login again and exchange
 * the new code: signing in again continues the same session while it lives, so nothing stored is
 * lost. Retrying with the same token never helps.
 */
public class ReauthenticationRequiredException extends SecureFlowsException {
  private static final long serialVersionUID = 1L;

  ReauthenticationRequiredException(String message, String type, String title, String detail) {
    super(message, 410, type, title, detail, null);
  }
}
