package io.secureflows.platform.rest;

import io.secureflows.platform.error.NotFoundException;
import java.util.UUID;

/**
 * Ids in API paths: only the canonical lower-case UUID form names anything; anything else answers
 * 404, exactly as an unknown id does.
 */
public final class PathIds {
  private PathIds() {}

  public static UUID parse(String value, String what) {
    try {
      UUID id = UUID.fromString(value);
      if (!id.toString().equals(value.toLowerCase(java.util.Locale.ROOT))) {
        throw new NotFoundException(what);
      }
      return id;
    } catch (IllegalArgumentException e) {
      throw new NotFoundException(what);
    }
  }
}
