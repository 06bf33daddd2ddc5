package io.secureflows.client;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in session as {@link SecureFlowsClient#exchange} opened it: the sessionToken, which only
 * the client reads, and what is safe to show (the session id, when the token expires).
 *
 * <p>The token is a bearer credential, so this type keeps it in memory only: it is not {@link
 * java.io.Serializable}, {@link #toString()} leaves it out, and no method hands it out. Keep the
 * object for as long as the user works; when a call throws {@link
 * ReauthenticationRequiredException}, drop it and sign in again.
 */
public final class Session {
  private final String token;
  private final String sessionId;
  private final Instant tokenExpiresAt;

  Session(String token, String sessionId, Instant tokenExpiresAt) {
    this.token = Objects.requireNonNull(token, "token");
    this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
    this.tokenExpiresAt = Objects.requireNonNull(tokenExpiresAt, "tokenExpiresAt");
  }

  /**
   * The session's id: the same across sign-ins while the session lives, so a caller can tell a
   * continued session from a new one.
   */
  public String sessionId() {
    return sessionId;
  }

  /**
   * When the sessionToken stops working at the latest (reckoned from when the token was requested,
   * so slightly early). After it, calls throw {@link ReauthenticationRequiredException}; the
   * session itself may live on.
   */
  public Instant tokenExpiresAt() {
    return tokenExpiresAt;
  }

  /** The bearer token, for this package's requests only. */
  String token() {
    return token;
  }

  /** The session id and the token's expiry; never the token. */
  @Override
  public String toString() {
    return "Session[sessionId=" + sessionId + ", tokenExpiresAt=" + tokenExpiresAt + "]";
  }
}
