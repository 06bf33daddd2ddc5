package io.secureflows.crypto.app;

import io.secureflows.crypto.domain.KeyState;
import java.time.Instant;

/** One key version of a workspace and how many encrypted records it still protects. */
public record KeyStatus(
    int version,
    KeyState state,
    Instant createdAt,
    Instant stateChangedAt,
    long protectedRecords) {}
