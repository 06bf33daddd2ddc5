package io.secureflows.identity.domain;

import io.secureflows.platform.error.FieldError;
import java.util.List;
import java.util.Locale;

/**
 * The rules for what a user types: an email address (normalised to lower case, at most 254
 * characters, one {@code @}, no spaces or control characters) and a password (12 to 128 characters,
 * per OWASP ASVS; any characters, checked only for length so that pass phrases and password
 * managers work).
 */
public final class Credentials {
  public static final int MIN_PASSWORD = 12;
  public static final int MAX_PASSWORD = 128;
  private static final String EMAIL = "[^\\s@]{1,64}@[^\\s@]{1,189}\\.[^\\s@]{1,63}";

  private Credentials() {}

  /** The normalised email, or null with an error added when it is not usable. */
  public static String email(String email, List<FieldError> errors) {
    if (email == null || email.isBlank()) {
      errors.add(new FieldError("email", "is required"));
      return null;
    }
    String normalised = email.strip().toLowerCase(Locale.ROOT);
    if (normalised.length() > 254
        || !normalised.matches(EMAIL)
        || normalised
            .codePoints()
            .anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
      errors.add(new FieldError("email", "is not a valid email address"));
      return null;
    }
    return normalised;
  }

  public static void password(String password, List<FieldError> errors) {
    if (password == null || password.isEmpty()) {
      errors.add(new FieldError("password", "is required"));
    } else if (password.codePointCount(0, password.length()) < MIN_PASSWORD
        || password.codePointCount(0, password.length()) > MAX_PASSWORD) {
      errors.add(
          new FieldError(
              "password", "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters long"));
    }
  }
}
