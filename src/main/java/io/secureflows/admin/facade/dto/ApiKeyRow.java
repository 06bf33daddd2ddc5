package io.secureflows.admin.facade.dto;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

public record ApiKeyRow(UUID id, String name, String role, Instant createdAt, Instant revokedAt)
    implements Serializable {}
