package io.secureflows.platform.tenancy;

import java.util.Locale;

/** The roles of console accounts and API keys. */
public enum OperatorRole {
  /** Everything, in every workspace. */
  PLATFORM_OPERATOR,
  /** Everything inside one workspace. */
  WORKSPACE_ADMIN,
  /** Reads the audit and access logs of its scope, nothing else. */
  AUDITOR;

  /**
   * The external name, as in the API: {@code platform-operator}, {@code workspace-admin}, {@code
   * auditor}.
   */
  public String externalName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses an external name; null if there is no such role. */
  public static OperatorRole fromExternalName(String name) {
    for (OperatorRole role : values()) {
      if (role.externalName().equals(name)) {
        return role;
      }
    }
    return null;
  }
}
