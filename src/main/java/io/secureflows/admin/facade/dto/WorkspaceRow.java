package io.secureflows.admin.facade.dto;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

public record WorkspaceRow(UUID id, String name, Instant createdAt, Instant updatedAt)
    implements Serializable {}
