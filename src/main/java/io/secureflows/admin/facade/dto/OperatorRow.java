package io.secureflows.admin.facade.dto;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

public record OperatorRow(
    UUID id,
    String username,
    String role,
    UUID workspaceId,
    boolean enabled,
    boolean locked,
    boolean secondFactor,
    Instant createdAt)
    implements Serializable {}
