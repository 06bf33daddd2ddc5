package io.secureflows.operator.api;

import io.secureflows.operator.app.IssuedApiKey;
import java.time.Instant;

/** A newly created key; {@code key} appears in this answer only and is never retrievable again. */
public record IssuedApiKeyView(
    String id, String name, String role, String workspaceId, Instant createdAt, String key) {
  static IssuedApiKeyView of(IssuedApiKey issued) {
    return new IssuedApiKeyView(
        issued.key().id().toString(),
        issued.key().name(),
        issued.key().role().externalName(),
        issued.key().workspaceId().map(Object::toString).orElse(null),
        issued.key().createdAt(),
        issued.secret());
  }
}
