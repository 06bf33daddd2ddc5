package io.secureflows.workspace.api;

import io.secureflows.crypto.app.KeyStatus;
import java.time.Instant;

/** A key version as the admin API shows it: never any key material. */
public record KeyVersionView(
    int version, String state, Instant createdAt, Instant stateChangedAt, long payloads) {
  static KeyVersionView of(KeyStatus status) {
    return new KeyVersionView(
        status.version(),
        status.state().externalName(),
        status.createdAt(),
        status.stateChangedAt(),
        status.protectedRecords());
  }
}
