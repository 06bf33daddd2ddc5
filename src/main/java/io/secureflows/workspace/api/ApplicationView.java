package io.secureflows.workspace.api;

import io.secureflows.workspace.domain.Application;
import java.time.Instant;
import java.util.List;

/** An application as the admin API shows it. */
public record ApplicationView(
    String id,
    String workspaceId,
    String clientId,
    String name,
    String type,
    List<String> redirectUris,
    int tokenTtlSeconds,
    int sessionIdleTtlSeconds,
    int sessionMaxTtlSeconds,
    int payloadMaxBytes,
    boolean registrationAllowed,
    int sessionGraceSeconds,
    Instant createdAt,
    Instant updatedAt) {

  static ApplicationView of(Application a) {
    return new ApplicationView(
        a.id().toString(),
        a.workspaceId().toString(),
        a.clientId(),
        a.name(),
        a.type().externalName(),
        a.redirectUris(),
        a.tokenTtlSeconds(),
        a.sessionIdleTtlSeconds(),
        a.sessionMaxTtlSeconds(),
        a.payloadMaxBytes(),
        a.registrationAllowed(),
        a.sessionGraceSeconds(),
        a.createdAt(),
        a.updatedAt());
  }
}
