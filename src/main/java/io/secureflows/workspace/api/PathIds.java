package io.secureflows.workspace.api;

import io.secureflows.platform.error.NotFoundException;
import java.util.UUID;

/** Path ids that are not UUIDs name nothing: 404, as for any unknown id. */
final class PathIds {
  private PathIds() {}

  static UUID parse(String value, String what) {
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
