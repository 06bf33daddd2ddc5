package io.secureflows.workspace.domain;

import io.secureflows.platform.error.FieldError;
import java.util.List;

/**
 * The rule for human-readable names: 1 to 200 characters, no control characters (they could forge
 * log lines).
 */
final class Names {
  static final int MAX_LENGTH = 200;

  private Names() {}

  /**
   * Characters that could forge or hide text in logs and consoles: controls, bidi overrides,
   * separators.
   */
  static boolean isInvisibleControl(int codePoint) {
    int type = Character.getType(codePoint);
    return Character.isISOControl(codePoint)
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  static String check(String field, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "is required"));
      return value;
    }
    String trimmed = value.strip();
    if (trimmed.length() > MAX_LENGTH) {
      errors.add(new FieldError(field, "must be at most " + MAX_LENGTH + " characters"));
    } else if (trimmed.codePoints().anyMatch(Names::isInvisibleControl)) {
      errors.add(
          new FieldError(field, "must not contain control, format or line-separator characters"));
    }
    return trimmed;
  }
}
