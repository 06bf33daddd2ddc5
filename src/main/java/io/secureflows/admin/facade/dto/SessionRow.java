package io.secureflows.admin.facade.dto;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

public record SessionRow(
    UUID id,
    UUID userId,
    UUID applicationId,
    Instant createdAt,
    Instant lastSeenAt,
    Instant expiresAt,
    String state)
    implements Serializable {}
