package io.secureflows.identity.domain;

import java.util.Locale;

/** Whether a user may sign in. */
public enum UserStatus {
  ACTIVE,
  DISABLED;

  public String externalName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
