package io.secureflows.platform.rest;

import io.secureflows.platform.error.FieldError;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Optional filter values of query strings, checked with every problem collected. */
public final class QueryParameters {
  private QueryParameters() {}

  /** An optional id: null when absent or blank; a field error (and null) when not a UUID. */
  public static UUID uuid(String field, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Optional<UUID> id = PathIds.canonical(value);
    if (id.isPresent()) {
      return id.get();
    }
    errors.add(new FieldError(field, "must be a UUID"));
    return null;
  }
}
