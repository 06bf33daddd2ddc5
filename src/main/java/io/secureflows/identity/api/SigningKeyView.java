package io.secureflows.identity.api;

import io.secureflows.identity.domain.SigningKey;
import java.time.Instant;

/** A signing key as the admin API shows it: never key material beyond what the JWKS publishes. */
public record SigningKeyView(String kid, String algorithm, String state, Instant createdAt) {
  static SigningKeyView of(SigningKey key) {
    return new SigningKeyView(
        key.kid(),
        key.algorithm(),
        key.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
        key.createdAt());
  }
}
