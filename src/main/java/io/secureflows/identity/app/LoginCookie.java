package io.secureflows.identity.app;

import io.secureflows.crypto.RandomSecrets;
import io.secureflows.platform.tenancy.WorkspaceBound;
import java.util.Optional;
import java.util.UUID;

/**
 * The hosted-login cookie's value: {@code <workspace id>.<random>}. The workspace part only routes
 * the lookup into that workspace; the whole value must still match a stored hash there, so a value
 * with another workspace's id finds nothing.
 */
public record LoginCookie(UUID workspaceId, String value) implements WorkspaceBound {
  private static final int MAX_LENGTH = 128;

  static LoginCookie issue(UUID workspaceId) {
    return new LoginCookie(workspaceId, workspaceId + "." + RandomSecrets.urlSafe(32));
  }

  /** The cookie a browser sent, if it has the shape of one we issue. */
  public static Optional<LoginCookie> parse(String value) {
    if (value == null || value.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    int dot = value.indexOf('.');
    if (dot <= 0 || dot == value.length() - 1) {
      return Optional.empty();
    }
    String workspace = value.substring(0, dot);
    try {
      UUID id = UUID.fromString(workspace);
      return id.toString().equals(workspace)
          ? Optional.of(new LoginCookie(id, value))
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
