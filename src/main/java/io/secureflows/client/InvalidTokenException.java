package io.secureflows.client;

/**
 * {@code 401}: secureFlows does not accept the token as one of its own for this application (bad
 * signature, tampered, unknown key, another issuer or audience). Unlike {@link
 * ReauthenticationRequiredException}, this points to a bug or an attack, not to a session that
 * ended: the token did not come from this server's token endpoint for this client id, or was
 * changed on the way. Do not retry with it.
 */
public class InvalidTokenException extends SecureFlowsException {
  private static final long serialVersionUID = 1L;

  InvalidTokenException(String message, String type, String title, String detail) {
    super(message, 401, type, title, detail, null);
  }
}
