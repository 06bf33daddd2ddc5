package io.secureflows.workspace.api;

import io.secureflows.workspace.domain.ApplicationSettings;
import java.util.List;

/** Body of application registration; every setting is optional and takes its documented default. */
public record ApplicationRequest(
    String clientId,
    String name,
    String type,
    List<String> redirectUris,
    Integer tokenTtlSeconds,
    Integer sessionIdleTtlSeconds,
    Integer sessionMaxTtlSeconds,
    Integer payloadMaxBytes,
    Boolean registrationAllowed,
    Integer sessionGraceSeconds) {

  ApplicationSettings settings() {
    return new ApplicationSettings(
        tokenTtlSeconds,
        sessionIdleTtlSeconds,
        sessionMaxTtlSeconds,
        payloadMaxBytes,
        registrationAllowed,
        sessionGraceSeconds);
  }
}
