package io.secureflows.workspace.domain;

import io.secureflows.platform.error.FieldError;
import java.util.List;

/** The rule for human-readable names: 1 to 200 characters, no control characters (they could forge log lines). */
final class Names {
  static final int MAX_LENGTH = 200;

  private Names() {}

  static String check(String field, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "is required"));
      return value;
    }
    String trimmed = value.strip();
    if (trimmed.length() > MAX_LENGTH) {
      errors.add(new FieldError(field, "must be at most " + MAX_LENGTH + " characters"));
    } else if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
      errors.add(new FieldError(field, "must not contain control characters"));
    }
    return trimmed;
  }
}
