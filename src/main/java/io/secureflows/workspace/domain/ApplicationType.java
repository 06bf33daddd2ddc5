package io.secureflows.workspace.domain;

import java.util.Locale;

/** What kind of client an application is; it decides which redirect URIs it may register. */
public enum ApplicationType {
  /** A browser application: HTTPS redirects (plain HTTP on loopback for development). */
  WEB,
  /**
   * A native application (RFC 8252): private-use URI schemes, claimed HTTPS, loopback redirects.
   */
  MOBILE,
  /** A server-side or scripted client; redirect URIs optional. */
  AUTOMATION;

  public String externalName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses an external name; null if there is no such type. */
  public static ApplicationType fromExternalName(String name) {
    for (ApplicationType type : values()) {
      if (type.externalName().equals(name)) {
        return type;
      }
    }
    return null;
  }
}
