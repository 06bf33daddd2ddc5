package io.secureflows.admin.facade.dto;

import java.io.Serializable;
import java.util.List;

/**
 * What the console submits to register or change an application. Null settings keep their current
 * value (or the default, when registering); the services check every rule.
 */
public record ApplicationForm(
    String clientId,
    String name,
    String type,
    List<String> redirectUris,
    Integer tokenTtlSeconds,
    Integer sessionIdleTtlSeconds,
    Integer sessionMaxTtlSeconds,
    Integer sessionGraceSeconds,
    Integer payloadMaxBytes,
    Boolean registrationAllowed)
    implements Serializable {}
