package io.secureflows.platform.rest;

import io.secureflows.platform.error.NotFoundException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Ids in API paths: only the canonical lower-case UUID form names anything; anything else answers
 * 404, exactly as an unknown id does.
 */
public final class PathIds {
  private PathIds() {}

  public static UUID parse(String value, String what) {
    return canonical(value).orElseThrow(() -> new NotFoundException(what));
  }

  /** The id a text names in the canonical UUID form (either case), or empty. */
  public static Optional<UUID> canonical(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      UUID id = UUID.fromString(value);
      return id.toString().equals(value.toLowerCase(Locale.ROOT))
          ? Optional.of(id)
          : Optional.empty();
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }
}
