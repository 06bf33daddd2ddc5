package io.secureflows.admin.facade.dto;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

public record UserRow(
    UUID id, String email, String status, boolean locked, int failedAttempts, Instant createdAt)
    implements Serializable {}
