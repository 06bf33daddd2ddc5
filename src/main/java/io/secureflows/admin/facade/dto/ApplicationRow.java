package io.secureflows.admin.facade.dto;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An application with its settings, as the console shows and edits it. */
public record ApplicationRow(
    UUID id,
    String clientId,
    String name,
    String type,
    List<String> redirectUris,
    int tokenTtlSeconds,
    int sessionIdleTtlSeconds,
    int sessionMaxTtlSeconds,
    int sessionGraceSeconds,
    int payloadMaxBytes,
    boolean registrationAllowed,
    Instant createdAt)
    implements Serializable {}
