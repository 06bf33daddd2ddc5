package io.secureflows.admin.facade.dto;

import java.io.Serializable;
import java.time.Instant;

/** One key version of a workspace and how many encrypted records it still protects. */
public record KeyRow(
    int version, String state, Instant createdAt, Instant stateChangedAt, long protectedRecords)
    implements Serializable {}
