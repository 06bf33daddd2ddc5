package io.secureflows.admin.security;

import jakarta.security.enterprise.credential.Credential;

/**
 * What the console's sign-in form submits: username, password and, for accounts with a second
 * factor, the authenticator's current code (empty otherwise).
 */
public record ConsoleCredential(String username, String password, String code)
    implements Credential {

  @Override
  public String toString() {
    return "ConsoleCredential[" + username + "]";
  }
}
